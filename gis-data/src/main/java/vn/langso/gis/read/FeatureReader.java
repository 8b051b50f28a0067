package vn.langso.gis.read;

import vn.langso.gis.model.SourceFeature;

/**
 * A stream of features from one file, read one at a time so that large files are never held in memory.
 * Not thread-safe.
 */
public interface FeatureReader extends AutoCloseable {

    /**
     * Reads the next feature.
     *
     * @return the feature, or null at the end of the file
     * @throws FeatureReadException when the file is malformed, naming the file and the position
     */
    SourceFeature next();

    /** Fraction of the file read so far, from 0 to 1, for progress display. */
    double progress();

    @Override
    void close();
}
