package vn.langso.gis.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import vn.langso.gis.model.SourceFeature;

/**
 * Reads the features of every feature table of a GeoPackage, table after table in the order the
 * package lists them. A feature's id is "table:row id", stable across re-imports. The SRID is the
 * EPSG code of the table's spatial reference system unless overridden.
 */
public final class GeoPackageReader implements FeatureReader {

    private final Path file;
    private final OptionalInt sridOverride;
    private final GeoPackage geoPackage;
    private final Deque<String> remainingTables;
    private final long totalRows;
    private final WKBReader wkbReader = new WKBReader();

    private String table;
    private FeatureResultSet rows;
    private int tableSrid;
    private long rowsRead;
    private int featureNumber;

    public GeoPackageReader(Path file, OptionalInt sridOverride) {
        this.file = file;
        this.sridOverride = sridOverride;
        FeatureReaders.requireNotEmpty(file, "a GeoPackage (SQLite) file");
        try {
            this.geoPackage = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new FeatureReadException(file, "cannot open as GeoPackage: " + e.getMessage(), e);
        }
        List<String> tables = geoPackage.getFeatureTables();
        this.remainingTables = new ArrayDeque<>(tables);
        long total = 0;
        for (String name : tables) {
            total += geoPackage.getFeatureDao(name).count();
        }
        this.totalRows = total;
    }

    @Override
    public SourceFeature next() {
        while (true) {
            if (rows == null && !openNextTable()) {
                return null;
            }
            if (!rows.moveToNext()) {
                rows.close();
                rows = null;
                continue;
            }
            rowsRead++;
            featureNumber++;
            return toFeature(rows.getRow());
        }
    }

    private boolean openNextTable() {
        if (remainingTables.isEmpty()) {
            return false;
        }
        table = remainingTables.removeFirst();
        FeatureDao dao = geoPackage.getFeatureDao(table);
        tableSrid = sridOverride.orElseGet(() -> epsgCode(dao.getSrs()));
        rows = dao.queryForAll();
        return true;
    }

    private int epsgCode(SpatialReferenceSystem srs) {
        if (srs == null) {
            throw new FeatureReadException(file, "feature table '" + table + "' has no spatial reference system; pass --srid");
        }
        if (!"EPSG".equalsIgnoreCase(srs.getOrganization())) {
            throw new FeatureReadException(file, "feature table '" + table + "' uses " + srs.getOrganization() + ":"
                    + srs.getOrganizationCoordsysId() + ", not an EPSG code; pass --srid");
        }
        return (int) srs.getOrganizationCoordsysId();
    }

    private SourceFeature toFeature(FeatureRow row) {
        String id = table + ":" + row.getId();
        Map<String, Object> properties = new LinkedHashMap<>();
        String[] columns = row.getColumnNames();
        String geometryColumn = row.getGeometryColumnName();
        String idColumn = row.getPkColumn() == null ? null : row.getPkColumn().getName();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(geometryColumn) || columns[i].equals(idColumn)) {
                continue;
            }
            properties.put(columns[i], row.getValue(i));
        }

        GeoPackageGeometryData data = row.getGeometry();
        if (data == null || data.isEmpty()) {
            return new SourceFeature(featureNumber, id, null, tableSrid, properties, null);
        }
        try {
            Geometry geometry = wkbReader.read(data.getWkb());
            return new SourceFeature(featureNumber, id, geometry, tableSrid, properties, null);
        } catch (IOException | ParseException | RuntimeException e) {
            return new SourceFeature(featureNumber, id, null, tableSrid, properties, "unreadable geometry: " + e.getMessage());
        }
    }

    @Override
    public double progress() {
        return totalRows == 0 ? 1 : Math.min(1, (double) rowsRead / totalRows);
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        }
        geoPackage.close();
    }
}
