package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** CQL2 filters (OGC API - Features Part 3) on items, checked against PostGIS with the fixtures of the OGC tests. */
class OgcCql2ApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void comparisonAndLogic() {
        assertThat(names("clinics", "beds >= 100 AND ownership = 'public'"))
                .containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Trung tâm Y tế Mỹ Thọ", "Bệnh viện Quân y 120");
        assertThat(names("clinics", "beds < 10 OR facility_type = 'clinic' AND ownership = 'private' AND beds IS NULL"))
                .containsExactly("Trạm Y tế xã Tân Thuận Tây", "Phòng khám Đa khoa Hòa An", OgcFixtures.SCRIPT_NAME);
        assertThat(names("clinics", "NOT (beds >= 100)")).containsExactly("Trạm Y tế xã Tân Thuận Tây");
    }

    @Test
    void likeBetweenIn() {
        assertThat(names("clinics", "name LIKE 'Bệnh viện%'"))
                .containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Bệnh viện Quân y 120");
        assertThat(names("clinics", "beds BETWEEN 100 AND 300"))
                .containsExactly("Trung tâm Y tế Mỹ Thọ", "Bệnh viện Quân y 120");
        assertThat(names("clinics", "facility_type IN ('health_station', 'health_centre')"))
                .containsExactly("Trạm Y tế xã Tân Thuận Tây", "Trung tâm Y tế Mỹ Thọ");
        assertThat(names("clinics", "facility_type NOT IN ('hospital', 'clinic')"))
                .containsExactly("Trạm Y tế xã Tân Thuận Tây", "Trung tâm Y tế Mỹ Thọ");
    }

    @Test
    void accentAndCaseInsensitive() {
        assertThat(names("clinics", "ACCENTI(CASEI(name)) LIKE ACCENTI(CASEI('%tan thuan tay%'))"))
                .containsExactly("Trạm Y tế xã Tân Thuận Tây");
        assertThat(names("clinics", "CASEI(name) = CASEI('TRUNG TÂM Y TẾ MỸ THỌ')")).containsExactly("Trung tâm Y tế Mỹ Thọ");
        assertThat(names("clinics", "ACCENTI(name) = 'Trung tam Y te My Tho'")).containsExactly("Trung tâm Y tế Mỹ Thọ");
    }

    @Test
    void decomposedLiteralMatchesComposedName() {
        String decomposed = Normalizer.normalize("name = 'Trung tâm Y tế Mỹ Thọ'", Normalizer.Form.NFD);

        assertThat(names("clinics", decomposed)).containsExactly("Trung tâm Y tế Mỹ Thọ");
    }

    @Test
    void lookAlikeEthInLiteralMatchesVietnameseD() {
        assertThat(names("clinics", "name = 'Bệnh viện \u00D0a khoa \u00D0ồng Tháp'"))
                .containsExactly("Bệnh viện Đa khoa Đồng Tháp");
    }

    @Test
    void spatialFunctions() {
        String box = "POLYGON((105.60 10.43, 105.66 10.43, 105.66 10.49, 105.60 10.49, 105.60 10.43))";

        assertThat(names("clinics", "S_WITHIN(geometry, " + box + ")"))
                .containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Trạm Y tế xã Tân Thuận Tây");
        assertThat(names("clinics", "S_INTERSECTS(geometry, BBOX(105.60, 10.43, 105.66, 10.49))"))
                .containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Trạm Y tế xã Tân Thuận Tây");
        assertThat(names("clinics", "S_DISJOINT(geometry, " + box + ") AND ownership = 'public'"))
                .containsExactly("Trung tâm Y tế Mỹ Thọ", "Bệnh viện Quân y 120");
        assertThat(codes("communes", "S_CONTAINS(geometry, POINT(105.69 10.46))")).containsExactly("90002");
    }

    @Test
    void pointOrLineBboxLiteralFindsCommune() {
        assertThat(codes("communes", "S_INTERSECTS(geometry, BBOX(105.63, 10.46, 105.63, 10.46))")).containsExactly("90001");
        assertThat(codes("communes", "S_INTERSECTS(geometry, BBOX(105.63, 10.44, 105.63, 10.47))")).containsExactly("90001");
        assertThat(codes("communes", "S_INTERSECTS(geometry, BBOX(105.61, 10.46, 105.64, 10.46))")).containsExactly("90001");
    }

    @Test
    void distanceInMetresMatchesPostgis() throws SQLException {
        List<String> expected = new ArrayList<>();
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM clinic WHERE ST_DWithin(geom::geography,"
                        + " ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326)::geography, 3000) ORDER BY id")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    expected.add(rows.getString(1));
                }
            }
        }

        assertThat(expected).hasSize(2);
        assertThat(names("clinics", "S_DWITHIN(geometry, POINT(105.6329 10.4603), 3000)")).isEqualTo(expected);
    }

    @Test
    void filterCrsLatitudeFirstAndVn2000() {
        String latitudeFirst = "S_DWITHIN(geometry, POINT(10.4603 105.6329), 10)";
        JsonNode page = get(uri -> items(uri, "clinics", latitudeFirst)
                .queryParam("filter-crs", "http://www.opengis.net/def/crs/EPSG/0/4326").build(Map.of("filter", latitudeFirst))).expect(200);

        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp");

        JsonNode swapped = get(uri -> items(uri, "clinics", latitudeFirst).build(Map.of("filter", latitudeFirst)))
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(swapped.path("detail").asString()).contains("outside longitude").contains("axis order");
    }

    @Test
    void filterCrsProjectedTransformed() throws SQLException {
        String point;
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT ST_X(p) || ' ' || ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(105.69, 10.46), 4326),"
                        + " 3405) AS p) q")) {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                point = rows.getString(1);
            }
        }

        String filter = "S_DWITHIN(geometry, POINT(" + point + "), 5)";
        JsonNode page = get(uri -> items(uri, "clinics", filter)
                .queryParam("filter-crs", "http://www.opengis.net/def/crs/EPSG/0/3405").build(Map.of("filter", filter)))
                .expect(200);
        assertThat(names(page)).containsExactly("Trung tâm Y tế Mỹ Thọ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "S_DWITHIN(geometry, POINT(1e30 1e30), 1000)|3405|easting 1E+30 is outside 0..1000000 metres",
            "S_INTERSECTS(geometry, BBOX(-1e30,-1e30,1e30,1e30))|3405|easting -1E+30 is outside 0..1000000 metres",
            "S_INTERSECTS(geometry, BBOX(-1e30,-1e30,1e30,1e30))|3857|easting -1E+30 is outside"
                    + " -20037508.342789244..20037508.342789244 metres",
            "S_DWITHIN(geometry, POINT(500000 -1), 1000)|3405|northing -1 is outside 0..9400000 metres"})
    void filterGeometryOutsideCrsRejected(String filter, int srid, String reason) {
        String crs = "http://www.opengis.net/def/crs/EPSG/0/" + srid;
        JsonNode problem = get(uri -> items(uri, "communes", filter).queryParam("filter-crs", crs)
                .build(Map.of("filter", filter))).expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("filter");
        assertThat(problem.path("detail").asString()).contains(reason);
        assertThat(problem.path("detail").asString()).contains("the range of filter-crs " + crs);
    }

    @Test
    void temporalFunctions() {
        assertThat(names("reports", "T_AFTER(reported_at, TIMESTAMP('2025-07-01T07:00:00+07:00'))"))
                .containsExactly("Rác thải", "Ngập nước");
        assertThat(names("reports", "T_BEFORE(reported_at, TIMESTAMP('2025-07-01T00:00:00Z'))"))
                .containsExactly("Đèn đường hỏng");
        // A date is the whole day in Vietnam time: 2025-06-30T17:00Z to 2025-07-01T17:00Z.
        assertThat(names("reports", "T_INTERSECTS(reported_at, DATE('2025-07-01'))"))
                .containsExactly("Đèn đường hỏng", "Ổ gà trên đường", "Rác thải");
        assertThat(names("reports", "T_INTERSECTS(reported_at, INTERVAL('2025-07-01T05:00:00Z', '..'))"))
                .containsExactly("Rác thải", "Ngập nước");
        assertThat(names("reports", "T_DISJOINT(reported_at, INTERVAL('..', '2025-07-01'))"))
                .containsExactly("Ngập nước");
        assertThat(codes("admin-units", "T_INTERSECTS(valid_from, DATE('2025-07-01'))")).containsExactly("90001", "90002");
    }

    @Test
    void intervalIncludesTimestampEnd() {
        String interval = "INTERVAL('2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z')";

        assertThat(names("reports", "T_INTERSECTS(reported_at, " + interval + ")"))
                .containsExactly("Đèn đường hỏng", "Ổ gà trên đường");
        assertThat(names("reports", "T_AFTER(reported_at, " + interval + ")")).containsExactly("Rác thải", "Ngập nước");
        assertThat(names("reports", "T_BEFORE(reported_at, INTERVAL('2025-07-01T00:00:00Z', '2025-07-02T00:00:00Z'))"))
                .containsExactly("Đèn đường hỏng");
        assertThat(names("reports",
                "T_DURING(INTERVAL(reported_at, reported_at), INTERVAL('2025-06-30T00:00:00Z', '2025-07-01T10:00:00Z'))"))
                .containsExactly("Đèn đường hỏng", "Ổ gà trên đường");
        assertThat(names("reports", "T_INTERSECTS(reported_at, INTERVAL('2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z'))"))
                .containsExactly("Ổ gà trên đường");
    }

    @Test
    void jsonEncodingSameResults() {
        String json = """
                {"op": "and", "args": [
                  {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [105.60, 10.43, 105.72, 10.49]}]},
                  {"op": ">=", "args": [{"property": "beds"}, 100]}]}""";

        JsonNode page = get(uri -> items(uri, "clinics", json).queryParam("filter-lang", "cql2-json")
                .build(Map.of("filter", json))).expect(200);
        assertThat(names(page)).isEqualTo(names("clinics",
                "S_INTERSECTS(geometry, BBOX(105.60, 10.43, 105.72, 10.49)) AND beds >= 100"));
        assertThat(names(page)).containsExactly("Bệnh viện Đa khoa Đồng Tháp", "Trung tâm Y tế Mỹ Thọ");
    }

    @Test
    void pagingKeepsFilter() {
        String filter = "ownership = 'public'";
        JsonNode first = get(uri -> items(uri, "clinics", filter).queryParam("limit", 2).build(Map.of("filter", filter)))
                .expect(200);

        assertThat(first.path("numberMatched").asLong()).isEqualTo(4);
        String next = link(first, "next");
        JsonNode second = getAbsolute(next).expect(200);
        assertThat(second.path("numberReturned").asLong()).isEqualTo(2);
        assertThat(names(second)).containsExactly("Trung tâm Y tế Mỹ Thọ", "Bệnh viện Quân y 120");
    }

    @Test
    void valuesAreBoundNotSpliced() {
        assertThat(names("clinics", "name = 'x'' OR ''1''=''1'")).isEmpty();
        assertThat(names("clinics", "name = '" + OgcFixtures.SCRIPT_NAME.replace("'", "''") + "'"))
                .containsExactly(OgcFixtures.SCRIPT_NAME);
    }

    @Test
    void injectionLeavesDatabaseUnchanged() throws SQLException {
        long before = clinicCount();

        get(uri -> items(uri, "clinics", "name; DELETE FROM clinic; --").build(Map.of("filter", "name; DELETE FROM clinic; --")))
                .expectProblem(400, "/problems/invalid-parameter");
        String quotedProperty = "\"name = name; DELETE FROM clinic; --\" = 'x'";
        assertThat(get(uri -> items(uri, "clinics", quotedProperty).build(Map.of("filter", quotedProperty)))
                .expectProblem(400, "/problems/invalid-parameter").path("detail").asString()).contains("is not queryable");
        assertThat(names("clinics", "name = 'x''; DELETE FROM clinic; --'")).isEmpty();
        assertThat(names("clinics", "name LIKE '%'' OR 1=1 --'")).isEmpty();
        String json = "{\"op\": \"=\", \"args\": [{\"property\": \"name) OR (1=1\"}, \"x\"]}";
        get(uri -> items(uri, "clinics", json).queryParam("filter-lang", "cql2-json").build(Map.of("filter", json)))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(clinicCount()).isEqualTo(before).isEqualTo(OgcFixtures.CLINIC_COUNT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "colour = 'red'                      | property 'colour' is not queryable in collection 'clinics'",
            "source_key = '1'                    | property 'source_key' is not queryable",
            "beds = 'many'                       | cannot compare property 'beds' (number) with 'many' (text)",
            "updated_at > '2025-01-01'           | write times as TIMESTAMP",
            "name LIKE 5                         | LIKE needs text",
            "beds = 1 AND                        | Invalid cql2-text filter at character",
            "T_AFTER(name, DATE('2025-01-01'))   | needs a time, but property 'name' is string",
            "S_WITHIN(name, POINT(1 2))          | S_WITHIN needs geometry",
            "S_DWITHIN(geometry, POINT(105 10), -5) | distance -5 is out of range",
            "beds                                | expected a comparison",
            "S_WITHIN(geometry, POLYGON((105 10, 107 11, 107 10, 105 11, 105 10))) | Polygon is not a valid geometry: Self-intersection",
            "S_WITHIN(geometry, POLYGON((105 10, 107 10, 107 11, 105 11)))         | Invalid cql2-text filter: a polygon ring in POLYGON is not closed",
            "S_INTERSECTS(geometry, POINT(1e400 10))                                | a coordinate in POINT is too large (1E+400)",
            "name LIKE 'Trạm\\'                   | ends with the escape character",
            "name LIKE CASEI('trạm\\')            | ends with the escape character",
            "name = 'a\u0000b'                    | contains the NUL character"})
    void invalidFiltersGive400(String filter, String expectedDetail) {
        JsonNode problem = get(uri -> items(uri, "clinics", filter).build(Map.of("filter", filter)))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("filter");
        assertThat(problem.path("detail").asString()).contains(expectedDetail);
    }

    @Test
    void escapedBackslashInLikeIsAccepted() {
        String filter = "name LIKE 'Trạm\\\\'";

        JsonNode page = get(uri -> items(uri, "clinics", filter).build(Map.of("filter", filter))).expect(200);

        assertThat(page.path("numberMatched").asLong()).isZero();
    }

    @Test
    void nulInPropertyFilterGives400() {
        JsonNode problem = get(uri -> uri.path("/ogc/collections/clinics/items").queryParam("name", "{name}")
                .build(Map.of("name", "a\u0000b"))).expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("name");
        assertThat(problem.path("detail").asString()).contains("NUL");
    }

    @Test
    void filterParametersChecked() {
        get("/ogc/collections/clinics/items?filter-lang=cql2-text").expectProblem(400, "/problems/invalid-parameter");
        JsonNode language = get(uri -> items(uri, "clinics", "beds = 1").queryParam("filter-lang", "ecql").build(Map.of("filter", "beds = 1")))
                .expectProblem(400, "/problems/invalid-parameter");
        assertThat(language.path("detail").asString()).contains("cql2-text or cql2-json");
        String tooLong = "x".repeat(8001);
        get(uri -> items(uri, "clinics", tooLong).build(Map.of("filter", tooLong)))
                .expectProblem(400, "/problems/invalid-parameter");
    }

    @Test
    void conformanceListsFiltering() {
        JsonNode conformance = get("/ogc/conformance").expect(200);

        List<String> classes = new ArrayList<>();
        conformance.path("conformsTo").forEach(value -> classes.add(value.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");
    }

    private static long clinicCount() throws SQLException {
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM clinic"); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> names(String collection, String filter) {
        return names(get(uri -> items(uri, collection, filter).build(Map.of("filter", filter))).expect(200));
    }

    private List<String> codes(String collection, String filter) {
        List<String> codes = new ArrayList<>();
        get(uri -> items(uri, collection, filter).build(Map.of("filter", filter))).expect(200).path("features")
                .forEach(feature -> codes.add(feature.path("properties").path("code").asString()));
        return codes;
    }

    private static UriBuilder items(UriBuilder uri, String collection, String filter) {
        return uri.path("/ogc/collections/" + collection + "/items").queryParam("filter", "{filter}");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
        return names;
    }

    private static String link(JsonNode document, String relation) {
        for (JsonNode link : document.path("links")) {
            if (relation.equals(link.path("rel").asString())) {
                return link.path("href").asString();
            }
        }
        throw new AssertionError("no " + relation + " link in " + document);
    }

}
