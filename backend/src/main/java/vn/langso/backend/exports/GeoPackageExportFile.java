package vn.langso.backend.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GeoPackage being written in a private temporary folder: one feature table named after the layer, point
 * geometry {@code geom} in EPSG:4326, primary key {@code fid}, and the columns of the CSV export (without the
 * coordinates). Every method blocks on SQLite and file I/O, so callers run them on bounded-elastic threads.
 * The methods are synchronized because a cancelled download deletes the file while a batch may still be
 * being appended on another thread.
 */
final class GeoPackageExportFile {

    private static final Logger log = LoggerFactory.getLogger(GeoPackageExportFile.class);
    private static final int WGS84 = 4326;

    private final Path folder;
    private final Path file;
    private final String tableName;
    private final List<LayerColumn> columns;
    private GeoPackage geoPackage;
    private FeatureDao features;
    private long srsId;
    private boolean deleted;

    private GeoPackageExportFile(Path folder, String tableName, List<LayerColumn> columns) {
        this.folder = folder;
        this.file = folder.resolve(tableName + ".gpkg");
        this.tableName = tableName;
        this.columns = columns;
    }

    /** Creates the file with its empty feature table and opens a transaction for the rows. */
    static GeoPackageExportFile create(String tableName, List<LayerColumn> columns) throws IOException, SQLException {
        Path folder = Files.createTempDirectory("langso-export-");
        GeoPackageExportFile export = new GeoPackageExportFile(folder, tableName, columns);
        try {
            export.open();
        } catch (RuntimeException | SQLException e) {
            export.delete();
            throw e;
        }
        return export;
    }

    private void open() throws SQLException {
        GeoPackageManager.create(file.toFile());
        geoPackage = GeoPackageManager.open(file.toFile());
        SpatialReferenceSystem srs = geoPackage.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", WGS84);
        srsId = srs.getSrsId();

        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(tableName);
        geometryColumns.setColumnName("geom");
        geometryColumns.setGeometryType(GeometryType.POINT);
        geometryColumns.setSrs(srs);
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, "fid", featureColumns()));

        features = geoPackage.getFeatureDao(tableName);
        geoPackage.beginTransaction();
    }

    private List<FeatureColumn> featureColumns() {
        List<FeatureColumn> featureColumns = new ArrayList<>();
        featureColumns.add(FeatureColumn.createColumn("id", GeoPackageDataType.INTEGER));
        for (String name : List.of("name", "commune_code", "commune_name", "address")) {
            featureColumns.add(FeatureColumn.createColumn(name, GeoPackageDataType.TEXT));
        }
        for (LayerColumn column : columns) {
            featureColumns.add(FeatureColumn.createColumn(column.name(), dataType(column)));
        }
        featureColumns.add(FeatureColumn.createColumn("attributes", GeoPackageDataType.TEXT));
        return featureColumns;
    }

    private static GeoPackageDataType dataType(LayerColumn column) {
        if (column.isInteger()) {
            return GeoPackageDataType.INTEGER;
        }
        if (column.isDecimal()) {
            return GeoPackageDataType.DOUBLE;
        }
        if (column.isBoolean()) {
            return GeoPackageDataType.BOOLEAN;
        }
        return GeoPackageDataType.TEXT;
    }

    /** Inserts a batch of rows and commits it, so that SQLite's journal stays small. */
    synchronized void append(List<ExportRow> batch) {
        if (geoPackage == null) {
            throw new IllegalStateException("Export GeoPackage " + file + " is already closed; the download ended");
        }
        for (ExportRow export : batch) {
            FeatureRow row = features.newRow();
            row.setGeometry(GeoPackageGeometryData.create(srsId, new Point(export.lon(), export.lat())));
            row.setValue("id", export.id());
            row.setValue("name", CsvExport.nfc(export.name()));
            row.setValue("commune_code", export.communeCode());
            row.setValue("commune_name", CsvExport.nfc(export.communeName()));
            row.setValue("address", CsvExport.nfc(export.address()));
            for (int i = 0; i < columns.size(); i++) {
                row.setValue(columns.get(i).name(), typedValue(columns.get(i), export.typedValues().get(i)));
            }
            row.setValue("attributes", CsvExport.nfc(export.attributes()));
            features.create(row);
        }
        geoPackage.endAndBeginTransaction();
    }

    private static Object typedValue(LayerColumn column, String text) {
        if (text == null) {
            return null;
        }
        if (column.isInteger()) {
            return Long.parseLong(text);
        }
        if (column.isDecimal()) {
            return Double.parseDouble(text);
        }
        if (column.isBoolean()) {
            return Boolean.parseBoolean(text);
        }
        return CsvExport.nfc(text);
    }

    /** Commits the last rows and closes the file; returns its path, ready to be read. */
    synchronized Path finish() {
        if (geoPackage == null) {
            throw new IllegalStateException("Export GeoPackage " + file + " is already closed; the download ended");
        }
        geoPackage.endTransaction(true);
        geoPackage.close();
        geoPackage = null;
        return file;
    }

    /** Closes the file if still open, without committing, and deletes it and its folder; later calls do nothing. */
    synchronized void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        if (geoPackage != null) {
            try {
                geoPackage.close();
            } catch (RuntimeException e) {
                log.warn("Closing the export GeoPackage {} failed; deleting it anyway", file, e);
            }
            geoPackage = null;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.error("Deleting the export folder {} failed; remove it by hand", folder, e);
        }
    }
}
