package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import vn.langso.gis.read.TestGeoPackages;
import vn.langso.gis.testing.TestDatabase;

/**
 * VN-2000 input transformed by PostGIS. The expected projected coordinates of a known WGS 84 point come
 * from proj4j, an implementation independent of PROJ, with the VN-2000 Helmert parameters; PROJ may
 * choose another transformation for EPSG codes, so those agree to about a metre only.
 */
class Vn2000ImportTest {

    /** Centre of Cao Lãnh, WGS 84. */
    private static final double LONGITUDE = 105.6329;
    private static final double LATITUDE = 10.4603;

    private static final String VN2000_HELMERT =
            "+ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";
    private static final String UTM_48N = "+proj=utm +zone=48 " + VN2000_HELMERT + " +units=m +no_defs";
    private static final String TM3_105 = "+proj=tmerc +lat_0=0 +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 " + VN2000_HELMERT + " +units=m +no_defs";
    private static final String TM3_105_45 = "+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 " + VN2000_HELMERT + " +units=m +no_defs";

    private static TestDatabase database;
    private static FeatureImporter importer;

    @TempDir
    Path folder;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMigrated();
        importer = new FeatureImporter(database.url());
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        Sql.single(database, "WITH deleted AS (DELETE FROM camera RETURNING 1) SELECT count(*) FROM deleted");
    }

    private static ProjCoordinate project(String projection) {
        CRSFactory factory = new CRSFactory();
        CoordinateTransform transform = new CoordinateTransformFactory().createTransform(
                factory.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs"),
                factory.createFromParameters("VN2000", projection));
        ProjCoordinate result = new ProjCoordinate();
        transform.transform(new ProjCoordinate(LONGITUDE, LATITUDE), result);
        return result;
    }

    private static double metresFromKnownPoint(String sourceKey) {
        return ((Number) Sql.single(database, "SELECT ST_Distance(geom::geography,"
                + " ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) FROM camera WHERE source_key = ?",
                LONGITUDE, LATITUDE, sourceKey)).doubleValue();
    }

    private Path pointFile(String name, String crs, ProjCoordinate point) throws IOException {
        String crsMember = crs == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},";
        return Files.writeString(folder.resolve(name), """
                {"type":"FeatureCollection",%s"features":[
                 {"type":"Feature","id":"%s","properties":{"name":"Camera"},"geometry":{"type":"Point","coordinates":[%s,%s]}}]}"""
                .formatted(crsMember, name, point.x, point.y));
    }

    @Test
    void provincialZonesInSpatialRefSys() {
        assertThat((String) Sql.single(database, "SELECT proj4text FROM spatial_ref_sys WHERE srid = 5897"))
                .contains("+proj=tmerc", "+lon_0=105 ", "+k=0.9999", "+x_0=500000", "+towgs84=");
        assertThat((String) Sql.single(database, "SELECT proj4text FROM spatial_ref_sys WHERE srid = 910545"))
                .contains("+proj=tmerc", "+lon_0=105.75 ", "+k=0.9999", "+x_0=500000", "+towgs84=");
        assertThat((String) Sql.single(database, "SELECT srtext FROM spatial_ref_sys WHERE srid = 3405"))
                .startsWith("PROJCS[\"VN-2000 / UTM zone 48N\"");
    }

    @Test
    void utm48nFromGeoJsonCrs() throws IOException {
        Path file = pointFile("utm.geojson", "urn:ogc:def:crs:EPSG::3405", project(UTM_48N));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cameras"));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(metresFromKnownPoint("utm.geojson")).isLessThan(1.5);
    }

    @Test
    void tm3Zone105ViaSridOption() throws IOException {
        Path file = pointFile("tm3.geojson", null, project(TM3_105));

        importer.importFiles(List.of(file), ImportOptions.into("cameras").withSrid(5897));

        assertThat(metresFromKnownPoint("tm3.geojson")).isLessThan(1.5);
    }

    @Test
    void tm3Zone105_45MatchesIndependentTransform() throws IOException {
        ProjCoordinate projected = project(TM3_105_45);
        Path file = Files.writeString(folder.resolve("tm3.csv"), "id,name,x,y\ntm3-105-45,Camera," + projected.x + "," + projected.y + "\n");

        importer.importFiles(List.of(file), ImportOptions.into("cameras").withSrid(910545));

        assertThat(metresFromKnownPoint("tm3-105-45")).isLessThan(0.1);
        assertThat(projected.x).as("easting west of the 105°45' meridian").isLessThan(500000);
    }

    @Test
    void geoPackageInVn2000() throws Exception {
        ProjCoordinate projected = project(UTM_48N);
        Path file = TestGeoPackages.write(folder.resolve("cameras.gpkg"), 3405,
                new double[][] {{projected.x, projected.y}}, new String[] {"Camera VN-2000"});

        ImportReport report = importer.importFiles(List.of(file),
                ImportOptions.into("cameras").withAttributes(ImportOptions.Attributes.of(Set.of("student_count"))));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(metresFromKnownPoint("places:1")).isLessThan(1.5);
        assertThat(Sql.single(database, "SELECT properties->>'student_count' FROM camera WHERE source_key = 'places:1'"))
                .isEqualTo("100");
    }

    @Test
    void wgs84FileWithProjectedSridLandsOutside() throws IOException {
        Path file = pointFile("wrong.geojson", null, new ProjCoordinate(LONGITUDE, LATITUDE));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cameras").withSrid(3405));

        assertThat(report.rejections()).singleElement().satisfies(issue ->
                assertThat(issue.reason()).contains("outside Vietnam", "after transformation from EPSG:3405"));
    }

    @Test
    void postgisAgreesWithProj4jWithinAMetre() {
        ProjCoordinate projected = project(UTM_48N);

        double x = ((Number) Sql.single(database,
                "SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 3405))", LONGITUDE, LATITUDE)).doubleValue();

        assertThat(x).isCloseTo(projected.x, within(1.5));
    }
}
