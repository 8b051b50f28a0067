package vn.langso.gis.read;

import java.nio.file.Path;
import java.util.List;
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

/** Writes small GeoPackages for tests: one point table "places" with the columns name and student_count. */
public final class TestGeoPackages {

    private TestGeoPackages() {
    }

    /** Writes a GeoPackage with one point table in the given EPSG code; a null coordinate pair writes no geometry. */
    public static Path write(Path file, int epsg, double[][] coordinates, String[] names) throws Exception {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
            SpatialReferenceSystem srs = epsg == 4326
                    ? geoPackage.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", epsg)
                    : createProjectedSrs(geoPackage, epsg);
            GeometryColumns geometryColumns = new GeometryColumns();
            geometryColumns.setTableName("places");
            geometryColumns.setColumnName("geom");
            geometryColumns.setGeometryType(GeometryType.POINT);
            geometryColumns.setSrs(srs);
            geometryColumns.setZ((byte) 0);
            geometryColumns.setM((byte) 0);
            List<FeatureColumn> columns = List.of(
                    FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("student_count", GeoPackageDataType.INTEGER));
            geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, columns));

            FeatureDao dao = geoPackage.getFeatureDao("places");
            for (int i = 0; i < coordinates.length; i++) {
                FeatureRow row = dao.newRow();
                if (coordinates[i] != null) {
                    GeoPackageGeometryData data = GeoPackageGeometryData.create(srs.getSrsId(),
                            new Point(coordinates[i][0], coordinates[i][1]));
                    row.setGeometry(data);
                }
                row.setValue("name", names[i]);
                row.setValue("student_count", 100L * (i + 1));
                dao.create(row);
            }
        }
        return file;
    }

    /** Creates an EPSG spatial reference system by hand, because the GeoPackage library creates only those it supports. */
    private static SpatialReferenceSystem createProjectedSrs(GeoPackage geoPackage, int epsg) throws Exception {
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsName("EPSG:" + epsg);
        srs.setSrsId(epsg);
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(epsg);
        srs.setDefinition("undefined");
        geoPackage.getSpatialReferenceSystemDao().create(srs);
        return srs;
    }

}
