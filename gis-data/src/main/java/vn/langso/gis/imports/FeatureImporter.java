package vn.langso.gis.imports;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.langso.gis.db.DatabaseUrl;
import vn.langso.gis.model.LayerTarget;
import vn.langso.gis.model.SourceFeature;
import vn.langso.gis.read.FeatureReadException;
import vn.langso.gis.read.FeatureReader;
import vn.langso.gis.read.FeatureReaders;
import vn.langso.gis.validate.GeometryCheck;
import vn.langso.gis.validate.VietnamBounds;

/**
 * Imports files of features into the administrative units or a place layer. Each file is imported in
 * one transaction: a file that cannot be read leaves nothing behind, while single bad features are
 * rejected and listed in the report. Per feature, in this order: the reader's own problem, geometry type
 * and validity (invalid polygons are repaired), attribute mapping (extra properties of places are kept only
 * as {@link ImportOptions#attributes()} selects), duplicate key, transformation to WGS 84 in PostGIS, bounds of
 * Vietnam (swapped axes are detected), then the upsert.
 */
public final class FeatureImporter {

    private static final Logger log = LoggerFactory.getLogger(FeatureImporter.class);
    static final int BATCH_SIZE = 500;

    private final DatabaseUrl database;

    public FeatureImporter(DatabaseUrl database) {
        this.database = database;
    }

    public ImportReport importFiles(List<Path> files, ImportOptions options) {
        return importFiles(files, options, ImportProgress.NONE);
    }

    /**
     * Imports the files one after the other. Files before a failing one stay imported.
     *
     * @throws ImportFailedException for the first file that cannot be imported (unreadable, malformed,
     *                               unknown SRID, database failure); nothing of that file is written
     * @throws IllegalArgumentException for an unknown target layer
     */
    public ImportReport importFiles(List<Path> files, ImportOptions options, ImportProgress progress) {
        ImportReport.Builder report = new ImportReport.Builder();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            connection.setAutoCommit(false);
            LayerTarget layer = options.isAdminUnits() ? null : LayerCatalog.load(connection, options.target());
            connection.commit();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                progress.fileStarted(file, i + 1, files.size());
                ImportReport.FileTally tally = importFile(connection, file, options, layer, progress);
                report.add(tally);
                log.info("Imported {} into {}: {} new, {} updated, {} repaired, {} rejected", file, options.target(),
                        tally.imported, tally.updated, tally.repaired, tally.rejected);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database " + database + " failed: " + e.getMessage(), e);
        }
        return report.build();
    }

    private ImportReport.FileTally importFile(Connection connection, Path file, ImportOptions options, LayerTarget layer,
                                              ImportProgress progress) throws SQLException {
        ImportReport.FileTally tally = new ImportReport.FileTally();
        String source = options.sourceFor(file);
        String targetName = layer == null ? LayerTarget.ADMIN_UNITS : layer.name();
        GeometryCheck.Expected expected = layer == null ? GeometryCheck.Expected.POLYGONAL : GeometryCheck.Expected.POINT;
        CoordinateTransformer transformer = new CoordinateTransformer(connection);
        ProvinceCoverage coverage = layer == null ? null : new ProvinceCoverage(connection);
        Map<String, Integer> firstFeatureByKey = new HashMap<>();
        int featuresRead = 0;

        try (FeatureReader reader = FeatureReaders.open(file, options.srid());
             FeatureWriter writer = layer == null ? new AdminUnitWriter(connection, options, source)
                     : new PlaceWriter(connection, layer, source)) {
            List<PendingFeature> batch = new ArrayList<>();
            SourceFeature feature;
            while ((feature = reader.next()) != null) {
                featuresRead++;
                progress.featuresRead(file, featuresRead, reader.progress());
                PendingFeature pending = prepare(file, feature, options, layer, expected, targetName, firstFeatureByKey, tally);
                if (pending == null) {
                    continue;
                }
                transformer.requireKnown(pending.srid());
                batch.add(pending);
                if (batch.size() >= BATCH_SIZE) {
                    writeBatch(connection, file, batch, transformer, coverage, writer, tally);
                    batch.clear();
                }
            }
            writeBatch(connection, file, batch, transformer, coverage, writer, tally);
            if (layer == null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT retag_communes()");
                }
            }
            connection.commit();
            progress.fileFinished(file, featuresRead);
            return tally;
        } catch (FeatureReadException | SQLException | IllegalArgumentException | IllegalStateException e) {
            connection.rollback();
            // Not logged here: the caller reports the rethrown failure, which carries the same message.
            throw new ImportFailedException(file, "Import of " + file + " failed, nothing of it was written: "
                    + e.getMessage(), e);
        }
    }

    /** Runs the checks that need no database; returns null after recording a rejection. */
    private PendingFeature prepare(Path file, SourceFeature feature, ImportOptions options, LayerTarget layer,
                                   GeometryCheck.Expected expected, String targetName,
                                   Map<String, Integer> firstFeatureByKey, ImportReport.FileTally tally) {
        int number = feature.number();
        if (feature.problem() != null) {
            return reject(tally, file, number, feature.problem());
        }
        GeometryCheck.Result geometry = GeometryCheck.check(feature.geometry(), expected, targetName);
        if (geometry.isRejected()) {
            return reject(tally, file, number, geometry.rejectReason());
        }

        Map<String, Object> properties = PropertyValues.normalized(feature.properties());
        AdminUnitMapper.AdminUnitRow unit = null;
        PlaceMapper.PlaceRow place = null;
        String key;
        if (layer == null) {
            unit = AdminUnitMapper.map(properties, options.level());
            if (unit.rejectReason() != null) {
                return reject(tally, file, number, unit.rejectReason());
            }
            key = unit.level().sqlName() + " " + unit.code();
        } else {
            place = PlaceMapper.map(properties, layer, options.attributes());
            if (place.rejectReason() != null) {
                return reject(tally, file, number, place.rejectReason());
            }
            key = sourceKey(feature, properties, options);
            if (key == null) {
                return reject(tally, file, number, "key property '" + options.keyProperty() + "' is not set");
            }
        }

        Integer earlier = firstFeatureByKey.putIfAbsent(key, number);
        if (earlier != null) {
            return reject(tally, file, number, "duplicate of feature " + earlier + " (same key: " + key + ")");
        }
        return new PendingFeature(number, geometry.geometry(), feature.srid(), geometry.repairReason(), key, properties,
                unit, place);
    }

    private static String sourceKey(SourceFeature feature, Map<String, Object> properties, ImportOptions options) {
        if (options.keyProperty() != null) {
            return PropertyValues.text(properties.get(options.keyProperty()));
        }
        return feature.id() != null ? feature.id() : Integer.toString(feature.number());
    }

    /** Writes a batch; {@code coverage} is null for administrative units, which define the province themselves. */
    private void writeBatch(Connection connection, Path file, List<PendingFeature> batch, CoordinateTransformer transformer,
                            ProvinceCoverage coverage, FeatureWriter writer, ImportReport.FileTally tally) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        List<Geometry> wgs84 = transformer.toWgs84(batch.stream().map(PendingFeature::geometry).toList(),
                batch.stream().map(PendingFeature::srid).toList());

        for (int i = 0; i < batch.size(); i++) {
            PendingFeature feature = batch.get(i);
            Geometry geometry = wgs84.get(i);
            String boundsProblem = boundsProblem(geometry, feature.srid());
            if (boundsProblem != null) {
                reject(tally, file, feature.number(), boundsProblem);
                continue;
            }
            String provinceProblem = coverage == null ? null : coverage.problem(geometry);
            if (provinceProblem != null) {
                reject(tally, file, feature.number(), provinceProblem);
                continue;
            }

            Savepoint savepoint = connection.setSavepoint();
            try {
                FeatureWriter.Outcome outcome = writer.write(feature, geometry);
                connection.releaseSavepoint(savepoint);
                if (outcome == FeatureWriter.Outcome.CONFLICT) {
                    reject(tally, file, feature.number(), conflictReason(feature));
                    continue;
                }
                tally.stored(outcome == FeatureWriter.Outcome.INSERTED);
                if (feature.place() != null) {
                    tally.attributes(feature.place().droppedKeys(), feature.place().otherProperties().keySet());
                }
                if (feature.repairReason() != null) {
                    tally.repaired(new ImportIssue(file, feature.number(), ImportIssue.Kind.REPAIRED, feature.repairReason()));
                }
            } catch (SQLException e) {
                connection.rollback(savepoint);
                String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                reject(tally, file, feature.number(), "rejected by the database: " + message);
            }
        }
    }

    private static String conflictReason(PendingFeature feature) {
        AdminUnitMapper.AdminUnitRow unit = feature.adminUnit();
        return "a " + unit.level().sqlName() + " with code " + unit.code()
                + " and the same valid-from date already exists from another source; pass --valid-from and --valid-to"
                + " for units of another period, or --source with that unit's source to replace it";
    }

    private static String boundsProblem(Geometry wgs84, int inputSrid) {
        VietnamBounds.Placement placement = VietnamBounds.place(wgs84);
        Coordinate sample = wgs84.getCoordinate();
        String where = "(" + sample.x + " " + sample.y + ")";
        return switch (placement) {
            case INSIDE -> null;
            case SWAPPED -> "latitude and longitude are swapped: " + where + " is outside Vietnam, but ("
                    + sample.y + " " + sample.x + ") is inside; write longitude first";
            case OUTSIDE -> "coordinates outside Vietnam: " + where + " in WGS 84"
                    + (inputSrid == CoordinateTransformer.WGS84 ? "" : " after transformation from EPSG:" + inputSrid)
                    + "; check the coordinate system (--srid)";
        };
    }

    private static PendingFeature reject(ImportReport.FileTally tally, Path file, int number, String reason) {
        tally.rejected(new ImportIssue(file, number, ImportIssue.Kind.REJECTED, reason));
        return null;
    }
}
