package vn.langso.gis.imports;

import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;

/** Upserts features of one file into their target table, inside the caller's transaction. */
interface FeatureWriter extends AutoCloseable {

    /** Result of a write. */
    enum Outcome {
        INSERTED,
        UPDATED,
        /** A row with the same identity came from another source and was left as it was. */
        CONFLICT
    }

    /**
     * Inserts the feature, or updates the row an earlier import of the same source wrote for it.
     *
     * @param wgs84 the feature's geometry in WGS 84
     */
    Outcome write(PendingFeature feature, Geometry wgs84) throws SQLException;

    @Override
    void close() throws SQLException;
}
