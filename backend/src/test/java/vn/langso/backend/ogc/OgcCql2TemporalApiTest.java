package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/**
 * The fifteen CQL2 temporal functions against PostGIS. Each report is an interval from reported_at to updated_at,
 * and its name is its relation to the reference interval from 2025-03-10T00:00Z to 2025-03-20T00:00Z. The "-by-1s"
 * reports miss a touching bound by one second. Administrative units are intervals of whole days in Vietnam time
 * from valid_from up to the day before valid_to (the first day no longer valid), open while valid_to is null.
 */
class OgcCql2TemporalApiTest extends ApiTestSupport {

    private static final String REFERENCE = "INTERVAL('2025-03-10T00:00:00Z', '2025-03-20T00:00:00Z')";
    private static final String REPORT = "INTERVAL(reported_at, updated_at)";

    /** Every report name, in fixture order; each is the relation of its interval to the reference. */
    private static final List<String> REPORTS = List.of("before", "before-by-1s", "meets", "overlaps-by-1s", "overlaps",
            "starts", "during", "finishes", "equals", "finished-by", "contains", "started-by", "overlapped-by", "met-by",
            "after-by-1s", "after");

    /** The thirteen relations, exactly one of which is true for any two intervals, with the reports each matches. */
    private static final Map<String, List<String>> RELATIONS = Map.ofEntries(
            Map.entry("T_BEFORE", List.of("before", "before-by-1s")),
            Map.entry("T_MEETS", List.of("meets")),
            Map.entry("T_OVERLAPS", List.of("overlaps-by-1s", "overlaps")),
            Map.entry("T_STARTS", List.of("starts")),
            Map.entry("T_DURING", List.of("during")),
            Map.entry("T_FINISHES", List.of("finishes")),
            Map.entry("T_EQUALS", List.of("equals")),
            Map.entry("T_FINISHEDBY", List.of("finished-by")),
            Map.entry("T_CONTAINS", List.of("contains")),
            Map.entry("T_STARTEDBY", List.of("started-by")),
            Map.entry("T_OVERLAPPEDBY", List.of("overlapped-by")),
            Map.entry("T_METBY", List.of("met-by")),
            Map.entry("T_AFTER", List.of("after-by-1s", "after")));

    @BeforeAll
    static void insertFixtures() {
        // The trigger of place tables sets updated_at to now(); these rows need their own end of interval.
        execute("ALTER TABLE report DISABLE TRIGGER report_tag_commune",
                """
                INSERT INTO report (name, geom, category, status, reported_at, updated_at, source, source_key) VALUES
                  ('before', %1$s, 'other', 'received', '2025-03-01T00:00:00Z', '2025-03-05T00:00:00Z', 'test', '1'),
                  ('before-by-1s', %1$s, 'other', 'received', '2025-03-05T00:00:00Z', '2025-03-09T23:59:59Z', 'test', '2'),
                  ('meets', %1$s, 'other', 'received', '2025-03-05T00:00:00Z', '2025-03-10T00:00:00Z', 'test', '3'),
                  ('overlaps-by-1s', %1$s, 'other', 'received', '2025-03-05T00:00:00Z', '2025-03-10T00:00:01Z', 'test', '4'),
                  ('overlaps', %1$s, 'other', 'received', '2025-03-05T00:00:00Z', '2025-03-15T00:00:00Z', 'test', '5'),
                  ('starts', %1$s, 'other', 'received', '2025-03-10T00:00:00Z', '2025-03-15T00:00:00Z', 'test', '6'),
                  ('during', %1$s, 'other', 'received', '2025-03-12T00:00:00Z', '2025-03-18T00:00:00Z', 'test', '7'),
                  ('finishes', %1$s, 'other', 'received', '2025-03-15T00:00:00Z', '2025-03-20T00:00:00Z', 'test', '8'),
                  ('equals', %1$s, 'other', 'received', '2025-03-10T00:00:00Z', '2025-03-20T00:00:00Z', 'test', '9'),
                  ('finished-by', %1$s, 'other', 'received', '2025-03-05T00:00:00Z', '2025-03-20T00:00:00Z', 'test', '10'),
                  ('contains', %1$s, 'other', 'received', '2025-03-05T00:00:00Z', '2025-03-25T00:00:00Z', 'test', '11'),
                  ('started-by', %1$s, 'other', 'received', '2025-03-10T00:00:00Z', '2025-03-25T00:00:00Z', 'test', '12'),
                  ('overlapped-by', %1$s, 'other', 'received', '2025-03-15T00:00:00Z', '2025-03-25T00:00:00Z', 'test', '13'),
                  ('met-by', %1$s, 'other', 'received', '2025-03-20T00:00:00Z', '2025-03-25T00:00:00Z', 'test', '14'),
                  ('after-by-1s', %1$s, 'other', 'received', '2025-03-20T00:00:01Z', '2025-03-25T00:00:00Z', 'test', '15'),
                  ('after', %1$s, 'other', 'received', '2025-03-25T00:00:00Z', '2025-03-28T00:00:00Z', 'test', '16')"""
                        .formatted("ST_SetSRID(ST_MakePoint(105.64, 10.46), 4326)"),
                "ALTER TABLE report ENABLE TRIGGER report_tag_commune",
                """
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, valid_to, geom, source) VALUES
                  ('91001', 'Ended June 30', 'commune', 'Xã', '82', '2025-06-01', '2025-07-01', %1$s, 'test'),
                  ('91002', 'Ended July 1', 'commune', 'Xã', '82', '2025-06-01', '2025-07-02', %1$s, 'test'),
                  ('91003', 'Open from July 1', 'commune', 'Xã', '82', '2025-07-01', NULL, %1$s, 'test'),
                  ('91004', 'July', 'commune', 'Xã', '82', '2025-07-01', '2025-08-01', %1$s, 'test'),
                  ('91005', 'Open from August 1', 'commune', 'Xã', '82', '2025-08-01', NULL, %1$s, 'test'),
                  ('91006', 'Mid July', 'commune', 'Xã', '82', '2025-07-10', '2025-07-20', %1$s, 'test')"""
                        .formatted("ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326))"));
    }

    @Test
    void eachRelationMatchesItsReports() {
        RELATIONS.forEach((function, expected) -> assertThat(reports(function + "(" + REPORT + ", " + REFERENCE + ")"))
                .as(function).containsExactlyElementsOf(expected));
    }

    @Test
    void exactlyOneRelationPerReport() {
        List<String> matched = new ArrayList<>();
        RELATIONS.keySet().forEach(function -> matched.addAll(reports(function + "(" + REPORT + ", " + REFERENCE + ")")));

        assertThat(matched).containsExactlyInAnyOrderElementsOf(REPORTS);
    }

    @Test
    void intersectsAndDisjointSplitReports() {
        List<String> disjoint = List.of("before", "before-by-1s", "after-by-1s", "after");
        List<String> intersecting = REPORTS.stream().filter(name -> !disjoint.contains(name)).toList();

        assertThat(reports("T_DISJOINT(" + REPORT + ", " + REFERENCE + ")")).containsExactlyElementsOf(disjoint);
        assertThat(reports("T_INTERSECTS(" + REPORT + ", " + REFERENCE + ")")).containsExactlyElementsOf(intersecting);
    }

    @ParameterizedTest
    @CsvSource({"T_BEFORE, T_AFTER", "T_MEETS, T_METBY", "T_OVERLAPS, T_OVERLAPPEDBY", "T_STARTS, T_STARTEDBY",
            "T_DURING, T_CONTAINS", "T_FINISHES, T_FINISHEDBY", "T_EQUALS, T_EQUALS", "T_INTERSECTS, T_INTERSECTS",
            "T_DISJOINT, T_DISJOINT"})
    void swappedArgumentsGiveInverse(String function, String inverse) {
        List<String> direct = reports(function + "(" + REPORT + ", " + REFERENCE + ")");

        assertThat(reports(inverse + "(" + REFERENCE + ", " + REPORT + ")")).isEqualTo(direct);
        assertThat(direct).isNotEmpty();
    }

    @Test
    void touchingBoundsMeetOnlyWhenEqual() {
        String referenceStart = "INTERVAL('2025-03-10T00:00:00Z', '2025-03-10T00:00:00Z')";

        assertThat(reports("T_MEETS(" + REPORT + ", " + REFERENCE + ")")).containsExactly("meets");
        assertThat(reports("T_BEFORE(" + REPORT + ", " + referenceStart + ")"))
                .containsExactly("before", "before-by-1s");
        assertThat(reports("T_INTERSECTS(" + REPORT + ", TIMESTAMP('2025-03-10T00:00:00Z'))")).containsExactly(
                "meets", "overlaps-by-1s", "overlaps", "starts", "equals", "finished-by", "contains", "started-by");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "T_OVERLAPS(INTERVAL(reported_at, updated_at), INTERVAL('2025-03-10T00:00:00Z', '..'))"
                    + "|overlaps-by-1s,overlaps,finished-by,contains",
            "T_STARTS(INTERVAL(reported_at, updated_at), INTERVAL('2025-03-10T00:00:00Z', '..'))"
                    + "|starts,equals,started-by",
            "T_FINISHES(INTERVAL(reported_at, updated_at), INTERVAL('..', '2025-03-20T00:00:00Z'))"
                    + "|finishes,equals,finished-by",
            "T_MEETS(INTERVAL('..', '2025-03-10T00:00:00Z'), INTERVAL(reported_at, updated_at))"
                    + "|starts,equals,started-by",
            "T_BEFORE(INTERVAL(reported_at, updated_at), INTERVAL('2025-03-10T00:00:00Z', '..'))"
                    + "|before,before-by-1s",
            "T_AFTER(INTERVAL('2025-03-20T00:00:00Z', '..'), INTERVAL('..', updated_at))"
                    + "|before,before-by-1s,meets,overlaps-by-1s,overlaps,starts,during",
            "T_EQUALS(INTERVAL(reported_at, '..'), INTERVAL('2025-03-10T00:00:00Z', '..'))"
                    + "|starts,equals,started-by",
            "T_METBY(INTERVAL(reported_at, '..'), INTERVAL('..', '2025-03-20T00:00:00Z'))"
                    + "|met-by"})
    void openBoundsAreUnbounded(String filter, String expected) {
        assertThat(reports(filter)).containsExactly(expected.split(","));
    }

    @Test
    void fullyOpenInterval() {
        assertThat(reports("T_DURING(" + REPORT + ", INTERVAL('..', '..'))")).containsExactlyElementsOf(REPORTS);
        assertThat(reports("T_CONTAINS(INTERVAL('..', '..'), " + REPORT + ")")).containsExactlyElementsOf(REPORTS);
        assertThat(reports("T_EQUALS(" + REPORT + ", INTERVAL('..', '..'))")).isEmpty();
        assertThat(reports("T_AFTER(" + REPORT + ", INTERVAL('..', '..'))")).isEmpty();
        assertThat(reports("T_EQUALS(INTERVAL('..', '..'), INTERVAL('..', '..'))")).containsExactlyElementsOf(REPORTS);
    }

    @Test
    void instantsInInstantFunctions() {
        assertThat(reports("T_BEFORE(reported_at, TIMESTAMP('2025-03-05T00:00:00Z'))")).containsExactly("before");
        assertThat(reports("T_EQUALS(updated_at, TIMESTAMP('2025-03-20T00:00:00Z'))"))
                .containsExactly("finishes", "equals", "finished-by");
        assertThat(reports("T_AFTER(TIMESTAMP('2025-03-25T00:00:00Z'), updated_at)"))
                .containsExactly("before", "before-by-1s", "meets", "overlaps-by-1s", "overlaps", "starts", "during",
                        "finishes", "equals", "finished-by");
        assertThat(reports("T_DISJOINT(updated_at, INTERVAL('2025-03-10T00:00:00Z', '2025-03-25T00:00:00Z'))"))
                .containsExactly("before", "before-by-1s", "after");
    }

    @Test
    void datesAreWholeDaysInVietnam() {
        String july = "INTERVAL('2025-07-01', '2025-07-31')";
        String units = "INTERVAL(valid_from, valid_to)";

        // June 30 ends just before July 1 starts, so whole days never meet: the unit is before July.
        assertThat(units("T_BEFORE(" + units + ", " + july + ")")).containsExactly("91001");
        assertThat(units("T_MEETS(" + units + ", " + july + ")")).isEmpty();
        assertThat(units("T_OVERLAPS(" + units + ", " + july + ")")).containsExactly("91002");
        assertThat(units("T_EQUALS(" + units + ", " + july + ")")).containsExactly("91004");
        assertThat(units("T_DURING(" + units + ", " + july + ")")).containsExactly("91006");
        assertThat(units("T_AFTER(" + units + ", " + july + ")")).containsExactly("91005");
        // The last instant of June 30 in Vietnam is 16:59:59.999999Z, at the resolution of PostgreSQL timestamps.
        assertThat(units("T_MEETS(" + units + ", INTERVAL('2025-06-30T23:59:59.999999+07:00', '..'))"))
                .containsExactly("91001");
        assertThat(units("T_METBY(" + units + ", INTERVAL('..', '2025-06-30T17:00:00Z'))"))
                .containsExactly("91003", "91004");
    }

    @Test
    void nullEndPropertyIsOpen() {
        String units = "INTERVAL(valid_from, valid_to)";

        assertThat(units("T_STARTEDBY(" + units + ", INTERVAL('2025-07-01', '2025-07-31'))")).containsExactly("91003");
        assertThat(units("T_EQUALS(" + units + ", INTERVAL('2025-07-01', '..'))")).containsExactly("91003");
        assertThat(units("T_FINISHES(" + units + ", INTERVAL('2025-01-01', '..'))")).containsExactly("91003", "91005");
        // As an instant, a null date matches nothing, like a comparison with NULL.
        assertThat(units("T_BEFORE(valid_to, DATE('2025-07-02'))")).containsExactly("91001");
        assertThat(units("T_DISJOINT(valid_to, DATE('2025-07-02'))")).containsExactly("91001", "91004", "91006");
    }

    @Test
    void validityPeriodSameAsDatetime() {
        String units = "INTERVAL(valid_from, valid_to)";

        // valid_to is the first day a unit is no longer valid, so a unit whose valid_to is July 1 is not valid that day.
        assertThat(units("T_INTERSECTS(" + units + ", DATE('2025-07-01'))"))
                .containsExactly("91002", "91003", "91004")
                .containsExactlyElementsOf(unitsValidOn("2025-07-01"));
        assertThat(units("T_INTERSECTS(" + units + ", DATE('2025-06-30'))"))
                .containsExactly("91001", "91002")
                .containsExactlyElementsOf(unitsValidOn("2025-06-30"));
        assertThat(units("T_EQUALS(" + units + ", INTERVAL('2025-06-01', '2025-06-30'))")).containsExactly("91001");
        assertThat(units("T_FINISHES(" + units + ", INTERVAL('..', '2025-06-30'))")).containsExactly("91001");
        assertThat(units("T_INTERSECTS(valid_to, DATE('2025-07-01'))")).containsExactly("91001");
    }

    @Test
    void dateEqualsIntervalOfThatDay() {
        assertThat(units("T_EQUALS(valid_from, DATE('2025-07-01'))")).containsExactly("91003", "91004");
        assertThat(units("T_EQUALS(valid_from, INTERVAL('2025-07-01', '2025-07-01'))")).containsExactly("91003", "91004");
        assertThat(units("T_INTERSECTS(valid_from, TIMESTAMP('2025-07-01T05:00:00+07:00'))"))
                .containsExactly("91003", "91004");
        assertThat(units("T_EQUALS(valid_from, INTERVAL('2025-07-01', '2025-07-02'))")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS", "T_FINISHEDBY", "T_FINISHES",
            "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY", "T_STARTS"})
    void jsonEncodingSameResults(String function) {
        String json = """
                {"op": "%s", "args": [
                  {"interval": [{"property": "reported_at"}, {"property": "updated_at"}]},
                  {"interval": ["2025-03-10T00:00:00Z", "2025-03-20T00:00:00Z"]}]}"""
                .formatted(function.toLowerCase(Locale.ROOT));

        JsonNode page = get(uri -> uri.path("/ogc/collections/reports/items").queryParam("filter", "{filter}")
                .queryParam("filter-lang", "cql2-json").queryParam("limit", 100).build(Map.of("filter", json))).expect(200);

        assertThat(names(page)).isEqualTo(reports(function + "(" + REPORT + ", " + REFERENCE + ")"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "T_MEETS(reported_at, INTERVAL('2025-03-10T00:00:00Z', '..'))"
                    + "|T_MEETS compares two intervals, but its first argument, property 'reported_at', is an instant;"
                    + " write it as an interval such as INTERVAL(reported_at, reported_at)",
            "T_DURING(reported_at, INTERVAL('2025-03-10T00:00:00Z', '..'))"
                    + "|T_DURING compares two intervals, but its first argument",
            "T_CONTAINS(INTERVAL(reported_at, updated_at), TIMESTAMP('2025-03-12T00:00:00Z'))"
                    + "|T_CONTAINS compares two intervals, but its second argument, TIMESTAMP('2025-03-12T00:00:00Z'),"
                    + " is an instant",
            "T_STARTS(DATE('2025-03-10'), INTERVAL(reported_at, updated_at))"
                    + "|or use T_BEFORE, T_AFTER, T_DISJOINT, T_EQUALS or T_INTERSECTS, which also take instants",
            "T_OVERLAPS(INTERVAL(name, updated_at), INTERVAL('..', '..'))"
                    + "|T_OVERLAPS needs a time, but property 'name' is string",
            "T_OVERLAPS(INTERVAL(colour, updated_at), INTERVAL('..', '..'))"
                    + "|property 'colour' is not queryable in collection 'reports'",
            "T_OVERLAPS(name, updated_at)|T_OVERLAPS needs a time, but property 'name' is string",
            "T_MEETS(INTERVAL(UPPER(name), '..'), INTERVAL('..', '..'))|expected an interval bound",
            "T_FOO(updated_at, DATE('2025-01-01'))|temporal function T_FOO is not supported",
            "INTERVAL(reported_at, updated_at) = 1|an INTERVAL is used only in temporal functions"})
    void invalidCombinationsGive400(String filter, String expectedDetail) {
        JsonNode problem = get(uri -> uri.path("/ogc/collections/reports/items").queryParam("filter", "{filter}")
                .build(Map.of("filter", filter))).expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("filter");
        assertThat(problem.path("detail").asString()).contains(expectedDetail);
    }

    @Test
    void injectionThroughIntervalRejected() throws SQLException {
        List<String> textAttempts = List.of(
                "T_BEFORE(updated_at, INTERVAL('2025-03-10'') OR 1=1; DELETE FROM report; --', '..'))",
                "T_BEFORE(updated_at, INTERVAL('2025-03-10T00:00:00Z''::timestamptz) OR (TRUE', '..'))",
                "T_BEFORE(updated_at, INTERVAL(\"updated_at) OR (1=1\", '..'))",
                "T_BEFORE(updated_at, INTERVAL(DATE('2025-03-10); DELETE FROM report; --'), '..'))");
        for (String filter : textAttempts) {
            get(uri -> uri.path("/ogc/collections/reports/items").queryParam("filter", "{filter}")
                    .build(Map.of("filter", filter))).expectProblem(400, "/problems/invalid-parameter");
        }
        String json = """
                {"op": "t_before", "args": [{"property": "updated_at"},
                  {"interval": ["2025-03-10T00:00:00Z' OR '1'='1", ".."]}]}""";
        get(uri -> uri.path("/ogc/collections/reports/items").queryParam("filter", "{filter}")
                .queryParam("filter-lang", "cql2-json").build(Map.of("filter", json)))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(reportCount()).isEqualTo(REPORTS.size());
    }

    @Test
    void conformanceClaimsTemporalFunctions() {
        List<String> classes = new ArrayList<>();
        get("/ogc/conformance").expect(200).path("conformsTo").forEach(uri -> classes.add(uri.asString()));

        assertThat(classes).contains("http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions");
    }

    private List<String> reports(String filter) {
        return names(get(uri -> uri.path("/ogc/collections/reports/items").queryParam("filter", "{filter}")
                .queryParam("limit", 100).build(Map.of("filter", filter))).expect(200));
    }

    private List<String> units(String filter) {
        List<String> codes = new ArrayList<>();
        get(uri -> uri.path("/ogc/collections/admin-units/items").queryParam("filter", "{filter}")
                .build(Map.of("filter", filter))).expect(200).path("features")
                .forEach(feature -> codes.add(feature.path("properties").path("code").asString()));
        codes.sort(null);
        return codes;
    }

    private List<String> unitsValidOn(String date) {
        List<String> codes = new ArrayList<>();
        get(uri -> uri.path("/ogc/collections/admin-units/items").queryParam("datetime", date).build()).expect(200)
                .path("features").forEach(feature -> codes.add(feature.path("properties").path("code").asString()));
        codes.sort(null);
        return codes;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
        return names;
    }

    private static long reportCount() throws SQLException {
        try (Connection connection = database().connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM report"); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
