package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.gis.testing.TestDatabase;

/** Imports synthetic files, written by each test, into a real PostGIS database. */
class FeatureImporterTest {

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
    void emptyTables() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // CASCADE also empties the tables that refer to places: the private side of reports, camera streams,
            // batches and violations.
            statement.execute("TRUNCATE admin_unit, report, camera, merchant, school, clinic, cooperative CASCADE");
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String square(double lon, double lat) {
        return "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(lon, lat, lon + 0.01, lat, lon + 0.01, lat + 0.01,
                lon, lat + 0.01, lon, lat);
    }

    private static String unit(String code, String name, String geometryType, String coordinates) {
        return """
                {"type":"Feature","properties":{"ma_xa":"%s","ten_xa":"%s","ma_tinh":"82"},
                 "geometry":{"type":"%s","coordinates":%s}}""".formatted(code, name, geometryType, coordinates);
    }

    private static String place(String id, String properties, double lon, double lat) {
        return """
                {"type":"Feature","id":"%s","properties":%s,"geometry":{"type":"Point","coordinates":[%s,%s]}}"""
                .formatted(id, properties, lon, lat);
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}";
    }

    @Test
    void placesOutsideCurrentCommunesRejected() throws IOException {
        importer.importFiles(List.of(write("commune.geojson", collection(unit("29869", "Cao Lãnh", "Polygon", square(105.60, 10.44))))),
                ImportOptions.into("admin-units"));
        Path file = write("places.geojson", collection(
                place("inside", "{\"name\":\"Trường A\"}", 105.605, 10.445),
                place("cambodia", "{\"name\":\"Phnom Penh\"}", 104.9, 11.55),
                place("sea", "{\"name\":\"Biển\"}", 107.5, 9.0),
                place("near", "{\"name\":\"Sát ranh\"}", 105.6115, 10.445)));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("schools"));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejections()).extracting(ImportIssue::featureNumber).containsExactly(2, 3);
        assertThat(report.rejections()).allSatisfy(issue -> assertThat(issue.reason()).startsWith("outside the province"));
    }

    @Test
    void placesAcceptedBeforeAnyCommuneExists() throws IOException {
        Path file = write("places.geojson", collection(place("cambodia", "{\"name\":\"Phnom Penh\"}", 104.9, 11.55)));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("schools"));

        assertThat(report.imported()).isEqualTo(1);
    }

    @Test
    void mixedFileNamesExactlyThreeFeatures() throws IOException {
        String bowTie = "[[[105.60,10.40],[105.62,10.42],[105.62,10.40],[105.60,10.42],[105.60,10.40]]]";
        Path file = write("mixed.geojson", collection(
                unit("T1", "Một", "Polygon", square(105.50, 10.30)),
                unit("T2", "Hai", "Polygon", bowTie),
                unit("T3", "Ba", "Polygon", square(105.70, 10.30)),
                unit("T4", "Bốn", "Polygon", "[[[10.30,105.80],[10.30,105.81],[10.31,105.81],[10.31,105.80],[10.30,105.80]]]"),
                unit("T5", "Năm", "Polygon", square(100.50, 13.75)),
                unit("T6", "Sáu", "Polygon", square(105.90, 10.30))));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("admin-units"));

        assertThat(report.issues()).extracting(ImportIssue::featureNumber).containsExactly(2, 4, 5);
        assertThat(report.repairs()).singleElement().satisfies(issue -> {
            assertThat(issue.featureNumber()).isEqualTo(2);
            assertThat(issue.reason()).contains("Self-intersection");
        });
        assertThat(report.rejections().get(0).reason()).contains("swapped");
        assertThat(report.rejections().get(1).reason()).contains("outside Vietnam");
        assertThat(report.imported()).isEqualTo(4);
        assertThat(report.repaired()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(Sql.column(database, "SELECT code FROM admin_unit ORDER BY code")).containsExactly("T1", "T2", "T3", "T6");
        assertThat(Sql.single(database, "SELECT ST_IsValid(geom) FROM admin_unit WHERE code = 'T2'")).isEqualTo(true);
    }

    @Test
    void unitFromAnotherSourceNotOverwritten() throws IOException {
        Path current = write("current.geojson", collection(unit("29869", "Cao Lãnh", "Polygon", square(105.60, 10.44))));
        Path old = write("old.geojson", collection(unit("29869", "Phường 1", "Polygon", square(105.62, 10.45))));
        importer.importFiles(List.of(current), ImportOptions.into("admin-units"));

        ImportReport withoutPeriod = importer.importFiles(List.of(old), ImportOptions.into("admin-units"));
        ImportReport withPeriod = importer.importFiles(List.of(old), ImportOptions.into("admin-units")
                .withValidity(java.time.LocalDate.of(2009, 4, 1), java.time.LocalDate.of(2025, 7, 1)));

        assertThat(withoutPeriod.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.featureNumber()).isEqualTo(1);
            assertThat(issue.reason()).contains("commune with code 29869", "already exists from another source", "--valid-from");
        });
        assertThat(withPeriod.imported()).isEqualTo(1);
        assertThat(Sql.single(database, "SELECT name FROM admin_unit WHERE code = '29869' AND valid_to IS NULL")).isEqualTo("Cao Lãnh");
        assertThat(Sql.count(database, "SELECT count(*) FROM admin_unit WHERE code = '29869'")).isEqualTo(2);
    }

    @Test
    void swappedAndOutsidePointsRejected() throws IOException {
        Path file = write("points.geojson", collection(
                place("a", "{\"name\":\"Trạm A\"}", 105.63, 10.46),
                place("b", "{\"name\":\"Trạm B\"}", 10.46, 105.63),
                place("c", "{\"name\":\"Trạm C\"}", 2.35, 48.85),
                place("d", "{\"name\":\"Trạm D\"}", 0, 0)));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("clinics"));

        assertThat(report.rejections()).extracting(ImportIssue::featureNumber).containsExactly(2, 3, 4);
        assertThat(report.rejections().get(0).reason()).contains("swapped");
        assertThat(report.rejections().get(1).reason()).contains("outside Vietnam");
        assertThat(report.rejections().get(2).reason()).contains("outside Vietnam");
        assertThat(Sql.count(database, "SELECT count(*) FROM clinic")).isEqualTo(1);
    }

    @Test
    void reimportUpdatesAttributes() throws IOException {
        String first = collection(
                place("s1", "{\"name\":\"Trường A\",\"student_count\":100,\"school_level\":\"primary\"}", 105.63, 10.46),
                place("s2", "{\"name\":\"Trường B\",\"student_count\":200}", 105.76, 10.29));
        String second = collection(
                place("s1", "{\"name\":\"Trường A mới\",\"student_count\":150,\"school_level\":\"primary\"}", 105.631, 10.461),
                place("s2", "{\"name\":\"Trường B\",\"student_count\":250}", 105.76, 10.29));
        Path file = write("schools.geojson", first);
        importer.importFiles(List.of(file), ImportOptions.into("schools"));
        Files.writeString(file, second);

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("schools"));

        assertThat(report.imported()).isZero();
        assertThat(report.updated()).isEqualTo(2);
        assertThat(Sql.count(database, "SELECT count(*) FROM school")).isEqualTo(2);
        assertThat(Sql.single(database, "SELECT student_count FROM school WHERE source_key = 's1'")).isEqualTo(150);
        assertThat(Sql.single(database, "SELECT name FROM school WHERE source_key = 's1'")).isEqualTo("Trường A mới");
        assertThat(Sql.single(database, "SELECT ST_X(geom) FROM school WHERE source_key = 's1'")).isEqualTo(105.631);
        assertThat(Sql.single(database, "SELECT source FROM school WHERE source_key = 's2'")).isEqualTo("schools.geojson");
    }

    @Test
    void sameFileUnderAnotherSourceIsSeparate() throws IOException {
        Path file = write("one.geojson", collection(place("x", "{\"name\":\"Chợ\"}", 105.63, 10.46)));

        importer.importFiles(List.of(file), ImportOptions.into("merchants"));
        importer.importFiles(List.of(file), ImportOptions.into("merchants").withSource("other"));

        assertThat(Sql.count(database, "SELECT count(*) FROM merchant")).isEqualTo(2);
    }

    @Test
    void nfdNamesStoredAsNfc() throws IOException {
        String nfc = "Trạm Y tế xã Tân Thuận Tây";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        Path file = write("nfd.geojson", collection(
                place("n", "{\"name\":\"" + nfd + "\",\"address\":\"" + nfd + "\",\"ghi_chu\":\"" + nfd + "\"}", 105.63, 10.46)));

        importer.importFiles(List.of(file),
                ImportOptions.into("clinics").withAttributes(ImportOptions.Attributes.of(Set.of("ghi_chu"))));

        assertThat(Sql.single(database, "SELECT name FROM clinic")).isEqualTo(nfc);
        assertThat(Sql.single(database, "SELECT address FROM clinic")).isEqualTo(nfc);
        assertThat(Sql.single(database, "SELECT properties->>'ghi_chu' FROM clinic")).isEqualTo(nfc);
        assertThat(Sql.single(database, "SELECT name_folded FROM clinic")).isEqualTo("tram y te xa tan thuan tay");
    }

    @Test
    void wrongGeometryTypeRejected() throws IOException {
        Path polygons = write("polygons.geojson", collection(unit("P1", "Một", "Polygon", square(105.5, 10.3))));
        Path points = write("points.geojson", collection(place("p", "{\"name\":\"X\"}", 105.63, 10.46)));

        ImportReport intoSchools = importer.importFiles(List.of(polygons), ImportOptions.into("schools"));
        ImportReport intoUnits = importer.importFiles(List.of(points), ImportOptions.into("admin-units"));

        assertThat(intoSchools.rejections()).singleElement().satisfies(issue ->
                assertThat(issue.reason()).isEqualTo("geometry type Polygon is not accepted by schools; expected Point"));
        assertThat(intoUnits.rejections()).singleElement().satisfies(issue ->
                assertThat(issue.reason()).contains("Point is not accepted by admin-units"));
    }

    @Test
    void singlePointMultiPointAccepted() throws IOException {
        Path file = write("multi.geojson", collection("""
                {"type":"Feature","properties":{"name":"Camera"},"geometry":{"type":"MultiPoint","coordinates":[[105.63,10.46]]}}""",
                """
                {"type":"Feature","properties":{"name":"Hai camera"},"geometry":{"type":"MultiPoint","coordinates":[[105.63,10.46],[105.64,10.47]]}}"""));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cameras"));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejections()).extracting(ImportIssue::featureNumber).containsExactly(2);
    }

    @Test
    void badTypedValuesRejectedWithReason() throws IOException {
        Path file = write("typed.geojson", collection(
                place("ok", "{\"name\":\"Tốt\",\"student_count\":\"300\",\"school_level\":\"primary\"}", 105.63, 10.46),
                place("text", "{\"name\":\"Chữ\",\"student_count\":\"nhiều\"}", 105.63, 10.46),
                place("fraction", "{\"name\":\"Lẻ\",\"student_count\":12.5}", 105.63, 10.46),
                place("level", "{\"name\":\"Đại học\",\"school_level\":\"university\"}", 105.63, 10.46),
                place("noname", "{\"ten_truong\":\"Không tên\"}", 105.63, 10.46),
                place("after", "{\"name\":\"Sau\"}", 105.64, 10.47)));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("schools"));

        assertThat(report.rejections()).extracting(ImportIssue::featureNumber).containsExactly(2, 3, 4, 5);
        assertThat(report.rejections().get(0).reason()).contains("student_count", "nhiều", "integer");
        assertThat(report.rejections().get(1).reason()).contains("whole number");
        assertThat(report.rejections().get(2).reason()).contains("rejected by the database", "school_level");
        assertThat(report.rejections().get(3).reason()).contains("no name");
        assertThat(Sql.column(database, "SELECT source_key FROM school ORDER BY source_key")).containsExactly("after", "ok");
        assertThat(Sql.single(database, "SELECT student_count FROM school WHERE source_key = 'ok'")).isEqualTo(300);
    }

    @Test
    void typedColumnsConverted() throws IOException {
        Path file = write("typed.geojson", collection(
                place("m", "{\"name\":\"Tiệm\",\"accepts_vietqr\":\"có\",\"category\":\"grocery\",\"phone\":84901000101,\"note\":[1,2]}",
                        105.63, 10.46),
                place("r", "{\"name\":\"Đèn hỏng\",\"reported_at\":\"2026-11-28T19:40:00+07:00\",\"status\":\"assigned\"}",
                        105.63, 10.46)));

        importer.importFiles(List.of(file),
                ImportOptions.into("merchants").withAttributes(ImportOptions.Attributes.of(Set.of("note"))));
        importer.importFiles(List.of(file), ImportOptions.into("reports").withSource("reports"));

        assertThat(Sql.single(database, "SELECT accepts_vietqr FROM merchant WHERE source_key = 'm'")).isEqualTo(true);
        assertThat(Sql.single(database, "SELECT phone FROM merchant WHERE source_key = 'm'")).isEqualTo("84901000101");
        assertThat(Sql.single(database, "SELECT properties->'note'->>1 FROM merchant WHERE source_key = 'm'")).isEqualTo("2");
        assertThat(Sql.single(database, "SELECT status FROM report WHERE source_key = 'r'")).isEqualTo("assigned");
        assertThat(Sql.single(database, "SELECT reported_at = '2026-11-28T12:40:00Z'::timestamptz FROM report WHERE source_key = 'r'"))
                .isEqualTo(true);
        assertThat(Sql.single(database, "SELECT status FROM report WHERE source_key = 'm'")).isEqualTo("received");
    }

    @Test
    void duplicateIdsInOneFileRejected() throws IOException {
        Path file = write("dup.geojson", collection(
                place("same", "{\"name\":\"Một\"}", 105.63, 10.46),
                place("same", "{\"name\":\"Hai\"}", 105.64, 10.47)));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cameras"));

        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.featureNumber()).isEqualTo(2);
            assertThat(issue.reason()).contains("duplicate of feature 1");
        });
    }

    @Test
    void keyPropertyIdentifiesFeatures() throws IOException {
        Path file = write("keyed.geojson", collection(
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"A\",\"ma\":\"K1\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.63,10.46]}}",
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"B\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.63,10.46]}}"));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cooperatives").withKeyProperty("ma"));

        assertThat(Sql.column(database, "SELECT source_key FROM cooperative")).containsExactly("K1");
        assertThat(report.rejections()).singleElement().satisfies(issue -> assertThat(issue.reason()).contains("'ma'"));
    }

    @Test
    void featuresWithoutKeyUseTheirNumber() throws IOException {
        Path file = write("nokey.geojson", collection(
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"A\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.63,10.46]}}",
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"B\"},\"geometry\":null}",
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"C\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.64,10.47]}}"));

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cameras"));

        assertThat(Sql.column(database, "SELECT source_key FROM camera ORDER BY source_key")).containsExactly("1", "3");
        assertThat(report.rejections()).singleElement().satisfies(issue -> {
            assertThat(issue.featureNumber()).isEqualTo(2);
            assertThat(issue.reason()).isEqualTo("feature has no geometry");
        });
    }

    @Test
    void malformedFileLeavesNothingWritten() throws IOException {
        String valid = collection(place("a", "{\"name\":\"A\"}", 105.63, 10.46), place("b", "{\"name\":\"B\"}", 105.64, 10.47));
        Path file = write("broken.geojson", valid.substring(0, valid.length() - 3) + ", {\"type\": }]}");

        assertThatThrownBy(() -> importer.importFiles(List.of(file), ImportOptions.into("cameras")))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("broken.geojson")
                .hasMessageContaining("malformed JSON at line 3, column 122");
        assertThat(Sql.count(database, "SELECT count(*) FROM camera")).isZero();
    }

    @Test
    void failingFileKeepsEarlierFiles() throws IOException {
        Path good = write("good.geojson", collection(place("a", "{\"name\":\"A\"}", 105.63, 10.46)));
        Path empty = write("empty.geojson", "");

        assertThatThrownBy(() -> importer.importFiles(List.of(good, empty), ImportOptions.into("cameras")))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("empty.geojson")
                .hasMessageContaining("file is empty");
        assertThat(Sql.count(database, "SELECT count(*) FROM camera")).isEqualTo(1);
    }

    @Test
    void emptyCollectionImportsNothing() throws IOException {
        Path file = write("none.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("cameras"));

        assertThat(report.files()).isEqualTo(1);
        assertThat(report.imported()).isZero();
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void unknownLayerNamesTheKnownOnes() throws IOException {
        Path file = write("a.geojson", collection(place("a", "{\"name\":\"A\"}", 105.63, 10.46)));

        assertThatThrownBy(() -> importer.importFiles(List.of(file), ImportOptions.into("roads")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown layer 'roads'")
                .hasMessageContaining("admin-units")
                .hasMessageContaining("clinics");
    }

    @Test
    void unknownSridFailsTheFile() throws IOException {
        Path file = write("a.geojson", collection(place("a", "{\"name\":\"A\"}", 105.63, 10.46)));

        assertThatThrownBy(() -> importer.importFiles(List.of(file), ImportOptions.into("cameras").withSrid(999999)))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("SRID 999999 is not in spatial_ref_sys");
        assertThat(Sql.count(database, "SELECT count(*) FROM camera")).isZero();
    }

    @Test
    void csvImportRejectsNonNumericCoordinates() throws IOException {
        Path file = write("shops.csv", """
                id;name;lon;lat;accepts_vietqr;category
                c1;Tạp hóa Một;105,6318;10,4621;true;grocery
                c2;Tạp hóa Hai;abc;10,46;false;grocery
                c3;Tạp hóa Ba;105,76;;false;grocery
                c4;Tạp hóa Bốn;105,7661;10,2918;false;flowers
                """);

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("merchants"));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejections()).extracting(ImportIssue::featureNumber).containsExactly(2, 3);
        assertThat(report.rejections().get(0).reason()).contains("not a number", "lon='abc'");
        assertThat(Sql.column(database, "SELECT source_key FROM merchant ORDER BY source_key")).containsExactly("c1", "c4");
        assertThat(Sql.single(database, "SELECT accepts_vietqr FROM merchant WHERE source_key = 'c1'")).isEqualTo(true);
    }

    @Test
    void csvWithoutCoordinateColumnsFails() throws IOException {
        Path file = write("nocoords.csv", "name,kinh_do,vi_do\nA,105.6,10.4\n");

        assertThatThrownBy(() -> importer.importFiles(List.of(file), ImportOptions.into("merchants")))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("[name, kinh_do, vi_do]")
                .hasMessageContaining("[lon, lng, long, longitude, x]")
                .hasMessageContaining("[lat, latitude, y]");
    }

    @Test
    void largeFileCrossesBatches() throws IOException {
        StringBuilder features = new StringBuilder();
        int count = FeatureImporter.BATCH_SIZE * 2 + 7;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                features.append(",\n");
            }
            features.append(place("p" + i, "{\"name\":\"Điểm " + i + "\"}", 105.5 + i * 0.0001, 10.4));
        }
        Path file = write("large.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");

        ImportReport report = importer.importFiles(List.of(file), ImportOptions.into("reports"));

        assertThat(report.imported()).isEqualTo(count);
        assertThat(Sql.count(database, "SELECT count(*) FROM report")).isEqualTo(count);
    }
}
