package vn.langso.backend.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.langso.backend.ogc.filter.Expression.And;
import vn.langso.backend.ogc.filter.Expression.Between;
import vn.langso.backend.ogc.filter.Expression.Comparison;
import vn.langso.backend.ogc.filter.Expression.ComparisonOperator;
import vn.langso.backend.ogc.filter.Expression.In;
import vn.langso.backend.ogc.filter.Expression.IsNull;
import vn.langso.backend.ogc.filter.Expression.Like;
import vn.langso.backend.ogc.filter.Expression.Literal;
import vn.langso.backend.ogc.filter.Expression.Not;
import vn.langso.backend.ogc.filter.Expression.Or;
import vn.langso.backend.ogc.filter.Expression.Property;
import vn.langso.backend.ogc.filter.Expression.Spatial;
import vn.langso.backend.ogc.filter.Expression.SpatialOperator;
import vn.langso.backend.ogc.filter.Expression.Temporal;
import vn.langso.backend.ogc.filter.Expression.TemporalOperator;
import vn.langso.backend.ogc.filter.Expression.TimeInstant;
import vn.langso.backend.ogc.filter.Expression.TimeInterval;

/** CQL2 text and JSON read into the expected syntax trees, and the same tree from both encodings. */
class Cql2ParserTest {

    private static final Property BEDS = new Property("beds");
    private static final Property NAME = new Property("name");

    @Test
    void comparisonWithPrecedence() {
        Expression parsed = Cql2TextParser.parse("beds > 10 AND name = 'Trạm' OR NOT beds <= 2");

        assertThat(parsed).isEqualTo(new Or(List.of(
                new And(List.of(
                        new Comparison(ComparisonOperator.GREATER, BEDS, number("10")),
                        new Comparison(ComparisonOperator.EQUAL, NAME, new Literal("Trạm")))),
                new Not(new Comparison(ComparisonOperator.LESS_OR_EQUAL, BEDS, number("2"))))));
    }

    @Test
    void parenthesesOverridePrecedence() {
        Expression parsed = Cql2TextParser.parse("beds = 1 and (name <> 'a' or name = 'b''c')");

        assertThat(parsed).isEqualTo(new And(List.of(
                new Comparison(ComparisonOperator.EQUAL, BEDS, number("1")),
                new Or(List.of(
                        new Comparison(ComparisonOperator.NOT_EQUAL, NAME, new Literal("a")),
                        new Comparison(ComparisonOperator.EQUAL, NAME, new Literal("b'c")))))));
    }

    @Test
    void advancedComparisons() {
        assertThat(Cql2TextParser.parse("name NOT LIKE 'Trạm%'")).isEqualTo(new Not(new Like(NAME, new Literal("Trạm%"))));
        assertThat(Cql2TextParser.parse("beds BETWEEN 5 AND 100"))
                .isEqualTo(new Between(BEDS, number("5"), number("100")));
        assertThat(Cql2TextParser.parse("beds NOT IN (1, 2.5, -3)"))
                .isEqualTo(new Not(new In(BEDS, List.of(number("1"), number("2.5"), number("-3")))));
        assertThat(Cql2TextParser.parse("phone IS NOT NULL")).isEqualTo(new Not(new IsNull(new Property("phone"))));
        assertThat(Cql2TextParser.parse("\"AND\" = TRUE")).isEqualTo(
                new Comparison(ComparisonOperator.EQUAL, new Property("AND"), new Literal(Boolean.TRUE)));
    }

    @Test
    void insensitiveFunctions() {
        assertThat(Cql2TextParser.parse("ACCENTI(CASEI(name)) = accenti(casei('tân'))")).isEqualTo(new Comparison(
                ComparisonOperator.EQUAL,
                new Expression.AccentInsensitive(new Expression.CaseInsensitive(NAME)),
                new Expression.AccentInsensitive(new Expression.CaseInsensitive(new Literal("tân")))));
    }

    @Test
    void spatialFunctionsWithGeometries() {
        Spatial within = (Spatial) Cql2TextParser.parse(
                "S_WITHIN(geometry, POLYGON((105.6 10.4, 105.7 10.4, 105.7 10.5, 105.6 10.4)))");
        Spatial near = (Spatial) Cql2TextParser.parse("s_dwithin(geometry, POINT(105.63 10.46), 2000)");
        Spatial box = (Spatial) Cql2TextParser.parse("S_INTERSECTS(geometry, BBOX(105.6, 10.4, 105.7, 10.5))");

        assertThat(within.operator()).isEqualTo(SpatialOperator.S_WITHIN);
        assertThat(((Expression.Geometry) within.right()).wkt())
                .isEqualTo("POLYGON((105.6 10.4,105.7 10.4,105.7 10.5,105.6 10.4))");
        assertThat(near.distanceMetres()).isEqualByComparingTo("2000");
        assertThat(((Expression.Geometry) near.right()).wkt()).isEqualTo("POINT(105.63 10.46)");
        assertThat(((Expression.Geometry) box.right()).wkt())
                .isEqualTo("POLYGON((105.6 10.4,105.7 10.4,105.7 10.5,105.6 10.5,105.6 10.4))");
        assertThat(((Expression.Geometry) box.right()).maxY()).isEqualTo(10.5);
    }

    @Test
    void otherGeometryLiterals() {
        assertThat(geometry("MULTIPOINT((1 2), (3 4))")).isEqualTo("MULTIPOINT((1 2),(3 4))");
        assertThat(geometry("MULTIPOINT(1 2, 3 4)")).isEqualTo("MULTIPOINT((1 2),(3 4))");
        assertThat(geometry("LINESTRING(1 2, 3 4)")).isEqualTo("LINESTRING(1 2,3 4)");
        assertThat(geometry("MULTILINESTRING((1 2, 3 4), (5 6, 7 8))")).isEqualTo("MULTILINESTRING((1 2,3 4),(5 6,7 8))");
        assertThat(geometry("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))")).isEqualTo("MULTIPOLYGON(((0 0,1 0,1 1,0 0)))");
        assertThat(geometry("GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(1 2, 3 4))"))
                .isEqualTo("GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(1 2,3 4))");
    }

    @Test
    void temporalFunctions() {
        Temporal after = (Temporal) Cql2TextParser.parse("T_AFTER(reported_at, TIMESTAMP('2025-07-01T07:00:00+07:00'))");
        Temporal during = (Temporal) Cql2TextParser.parse("t_intersects(reported_at, INTERVAL('2025-07-01', '..'))");

        assertThat(after).isEqualTo(new Temporal(TemporalOperator.T_AFTER, new Property("reported_at"),
                TimeInstant.of(Instant.parse("2025-07-01T00:00:00Z"))));
        assertThat(during.right()).isEqualTo(new TimeInterval(TimeInstant.of(LocalDate.parse("2025-07-01")), null));
    }

    @ParameterizedTest
    @EnumSource(TemporalOperator.class)
    void everyTemporalFunctionInBothEncodings(TemporalOperator operator) {
        String text = operator.name() + "(INTERVAL(reported_at, updated_at), INTERVAL('2025-03-10T00:00:00Z', '..'))";
        String json = """
                {"op": "%s", "args": [
                  {"interval": [{"property": "reported_at"}, {"property": "updated_at"}]},
                  {"interval": ["2025-03-10T00:00:00Z", ".."]}]}""".formatted(operator.name().toLowerCase(Locale.ROOT));

        Expression expected = new Temporal(operator,
                new TimeInterval(new Property("reported_at"), new Property("updated_at")),
                new TimeInterval(TimeInstant.of(Instant.parse("2025-03-10T00:00:00Z")), null));
        assertThat(Cql2TextParser.parse(text)).isEqualTo(expected);
        assertThat(Cql2TextParser.parse(text.toLowerCase(Locale.ROOT))).isEqualTo(expected);
        assertThat(Cql2JsonParser.parse(json)).isEqualTo(expected);
    }

    @Test
    void intervalBoundsOfEveryKind() {
        String text = "T_OverlappedBy(INTERVAL(valid_from, \"valid_to\"),"
                + " INTERVAL(DATE('2025-01-01'), TIMESTAMP('2025-12-31T17:00:00Z')))";
        String json = """
                {"op": "t_overlappedBy", "args": [
                  {"interval": [{"property": "valid_from"}, {"property": "valid_to"}]},
                  {"interval": [{"date": "2025-01-01"}, {"timestamp": "2025-12-31T17:00:00Z"}]}]}""";

        Expression expected = new Temporal(TemporalOperator.T_OVERLAPPEDBY,
                new TimeInterval(new Property("valid_from"), new Property("valid_to")),
                new TimeInterval(TimeInstant.of(LocalDate.parse("2025-01-01")),
                        TimeInstant.of(Instant.parse("2025-12-31T17:00:00Z"))));
        assertThat(Cql2TextParser.parse(text)).isEqualTo(expected);
        assertThat(Cql2JsonParser.parse(json)).isEqualTo(expected);
    }

    @Test
    void openIntervalBounds() {
        Temporal text = (Temporal) Cql2TextParser.parse("T_DURING(INTERVAL('..', updated_at), INTERVAL('..', '..'))");
        Temporal json = (Temporal) Cql2JsonParser.parse("""
                {"op": "t_during", "args": [{"interval": ["..", {"property": "updated_at"}]}, {"interval": ["..", ".."]}]}""");

        assertThat(text.left()).isEqualTo(new TimeInterval(null, new Property("updated_at")));
        assertThat(text.right()).isEqualTo(new TimeInterval(null, null));
        assertThat(json).isEqualTo(text);
    }

    @Test
    void dateEndCoversTimestampStartOfSameDay() {
        TimeInterval interval = (TimeInterval) ((Temporal) Cql2TextParser.parse(
                "T_INTERSECTS(updated_at, INTERVAL('2025-07-01T10:00:00+07:00', '2025-07-01'))")).right();

        assertThat(interval.end()).isEqualTo(TimeInstant.of(LocalDate.parse("2025-07-01")));
    }

    @Test
    void dateLastsWholeDayInVietnam() {
        TimeInstant date = TimeInstant.of(LocalDate.parse("2025-07-01"));
        TimeInstant timestamp = TimeInstant.of(Instant.parse("2025-07-01T08:00:00Z"));

        assertThat(date.start()).isEqualTo(Instant.parse("2025-06-30T17:00:00Z"));
        assertThat(date.end()).isEqualTo(Instant.parse("2025-07-01T16:59:59.999999Z"));
        assertThat(timestamp.start()).isEqualTo(timestamp.end());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "T_MEETS(INTERVAL(UPPER(name), '..'), INTERVAL('..', '..'))   | expected an interval bound",
            "T_MEETS(INTERVAL(AND, '..'), INTERVAL('..', '..'))           | expected an interval bound",
            "T_MEETS(INTERVAL(5, '..'), INTERVAL('..', '..'))             | expected an interval bound",
            "T_MEETS(INTERVAL('2025-01-01'), INTERVAL('..', '..'))        | expected ','",
            "T_MEETS(INTERVAL(reported_at, updated_at))                   | expected ','",
            "T_MEETS(updated_at, updated_at, updated_at)                  | expected ')'",
            "T_STARTS(INTERVAL('2025-07-02', '2025-07-01T10:00:00Z'), INTERVAL('..', '..')) | INTERVAL starts after it ends",
            "T_STARTS(INTERVAL('2025-07-01', '2025-13-01'), INTERVAL('..', '..')) | 2025-13-01' is not a date",
            "T_BEFORE(updated_at, INTERVAL('2025-07-01'') OR 1=1 --', '..')) | is not an RFC 3339 timestamp",
            "T_BEFORE(updated_at, INTERVAL('...', '..'))                 | is not an RFC 3339 timestamp"})
    void temporalSyntaxErrorsExplain(String filter, String expectedMessage) {
        assertThatThrownBy(() -> Cql2TextParser.parse(filter))
                .isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining(expectedMessage);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"op\": \"t_meets\", \"args\": [{\"interval\": [\"..\", \"..\"]}]} | \"t_meets\" needs 2 argument(s), found 1",
            "{\"op\": \"t_foo\", \"args\": []} | operator \"t_foo\" is not supported; use one of t_after, t_before",
            "{\"op\": \"t_meets\", \"args\": [{\"interval\": [\"..\"]}, {\"interval\": [\"..\", \"..\"]}]} | at $.args[0].interval: expected an array of two bounds",
            "{\"op\": \"t_meets\", \"args\": [{\"interval\": [1, \"..\"]}, {\"interval\": [\"..\", \"..\"]}]} | at $.args[0].interval[0]: expected \"..\", a date, a timestamp",
            "{\"op\": \"t_meets\", \"args\": [{\"interval\": [{\"property\": 5}, \"..\"]}, {\"interval\": [\"..\", \"..\"]}]} | at $.args[0].interval[0]: expected \"..\"",
            "{\"op\": \"t_meets\", \"args\": [{\"interval\": [\"2025-02-01\", \"2025-01-01\"]}, {\"interval\": [\"..\", \"..\"]}]} | at $.args[0].interval: the interval starts after it ends",
            "{\"op\": \"t_meets\", \"args\": [{\"interval\": [\"2025-01-01' OR '1'='1\", \"..\"]}, {\"interval\": [\"..\", \"..\"]}]} | is not an RFC 3339 timestamp"})
    void jsonTemporalErrorsNamePath(String filter, String expectedMessage) {
        assertThatThrownBy(() -> Cql2JsonParser.parse(filter))
                .isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void jsonGivesSameTreeAsText() {
        String text = "beds >= 5 AND name LIKE 'Tr%' AND facility_type IN ('hospital', 'clinic')"
                + " AND S_DWITHIN(geometry, POINT(105.63 10.46), 2000)"
                + " AND T_BEFORE(updated_at, DATE('2030-01-01')) AND address IS NULL";
        String json = """
                {"op": "and", "args": [
                  {"op": ">=", "args": [{"property": "beds"}, 5]},
                  {"op": "like", "args": [{"property": "name"}, "Tr%"]},
                  {"op": "in", "args": [{"property": "facility_type"}, ["hospital", "clinic"]]},
                  {"op": "s_dwithin", "args": [{"property": "geometry"},
                      {"type": "Point", "coordinates": [105.63, 10.46]}, 2000]},
                  {"op": "t_before", "args": [{"property": "updated_at"}, {"date": "2030-01-01"}]},
                  {"op": "isNull", "args": [{"property": "address"}]}
                ]}""";

        assertThat(Cql2JsonParser.parse(json)).isEqualTo(Cql2TextParser.parse(text));
    }

    @Test
    void jsonGeometriesAndBbox() {
        Spatial spatial = (Spatial) Cql2JsonParser.parse("""
                {"op": "s_intersects", "args": [{"property": "geometry"},
                  {"type": "Polygon", "coordinates": [[[105.6, 10.4], [105.7, 10.4], [105.7, 10.5], [105.6, 10.4]]]}]}""");
        Spatial box = (Spatial) Cql2JsonParser.parse("""
                {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [105.6, 10.4, 105.7, 10.5]}]}""");

        assertThat(((Expression.Geometry) spatial.right()).wkt()).isEqualTo("POLYGON((105.6 10.4,105.7 10.4,105.7 10.5,105.6 10.4))");
        assertThat(((Expression.Geometry) box.right()).wkt()).startsWith("POLYGON((105.6 10.4,105.7 10.4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name = 'open                    | never closed",
            "beds >                          | expected a property name, a literal value or a function",
            "beds = 1 beds = 2               | expected AND, OR or the end of the filter",
            "name LIKE                       | expected a property name",
            "beds BETWEEN 1 OR 2             | expected AND",
            "S_FOO(geometry, POINT(1 2))     | spatial function S_FOO is not supported",
            "T_FOO(updated_at, DATE('2025-01-01')) | temporal function T_FOO is not supported; use T_AFTER, T_BEFORE",
            "POLYGON((1 1, 2 2, 3 3)) = 1    | give at least 4",
            "S_WITHIN(geometry, POLYGON((1 1, 2 1, 2 2, 1 2)))  | is not closed",
            "S_WITHIN(geometry, POINT(1))    | has 1 coordinates",
            "beds = 1 AND                    | expected a property name",
            "name = 'x' ; DROP TABLE clinic  | unexpected character ';'",
            "updated_at > TIMESTAMP('2025-07-01 08:00') | is not an RFC 3339 timestamp",
            "INTERVAL('2025-02-01', '2025-01-01') = 1 | starts after it ends",
            "BBOX(10, 0, 5, 1) = 1           | west > east",
            "and = 1                         | quote a property named like a keyword",
            "UPPER(name) = 'A'               | function UPPER is not supported"})
    void textSyntaxErrorsExplain(String filter, String expectedMessage) {
        assertThatThrownBy(() -> Cql2TextParser.parse(filter))
                .isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void syntaxErrorNamesPosition() {
        assertThatThrownBy(() -> Cql2TextParser.parse("beds = 1 AND (name = 'x'"))
                .hasMessage("at character 25: expected ')' but found the end of the filter");
    }

    @Test
    void emptyFilterRejected() {
        assertThatThrownBy(() -> Cql2TextParser.parse("   ")).hasMessageContaining("the filter is empty");
        assertThatThrownBy(() -> Cql2JsonParser.parse("")).hasMessageContaining("the filter is empty");
    }

    @Test
    void deepNestingRejected() {
        String deep = "(".repeat(200) + "beds = 1" + ")".repeat(200);
        String deepJson = "{\"op\": \"not\", \"args\": [".repeat(100) + "true" + "]}".repeat(100);

        assertThatThrownBy(() -> Cql2TextParser.parse(deep)).hasMessageContaining("nests deeper than 64");
        assertThatThrownBy(() -> Cql2JsonParser.parse(deepJson)).hasMessageContaining("nests deeper than 64");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"op\": \"=\"                                               | not valid JSON",
            "[1, 2]                                                      | expected a predicate object",
            "{\"op\": \"=\", \"args\": [{\"property\": \"beds\"}]}      | needs 2 argument(s), found 1",
            "{\"op\": \"foo\", \"args\": []}                            | operator \"foo\" is not supported",
            "{\"op\": \"in\", \"args\": [{\"property\": \"beds\"}, []]} | non-empty array",
            "{\"op\": \"=\", \"args\": [{\"property\": 3}, 1]}          | expected a property name",
            "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Circle\", \"coordinates\": [1, 2]}]} | is not a geometry type"})
    void jsonErrorsNamePath(String filter, String expectedMessage) {
        assertThatThrownBy(() -> Cql2JsonParser.parse(filter))
                .isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining(expectedMessage);
    }

    private static Literal number(String text) {
        return new Literal(new BigDecimal(text));
    }

    private static String geometry(String literal) {
        Comparison comparison = (Comparison) Cql2TextParser.parse(literal + " = 1");
        return ((Expression.Geometry) comparison.left()).wkt();
    }
}
