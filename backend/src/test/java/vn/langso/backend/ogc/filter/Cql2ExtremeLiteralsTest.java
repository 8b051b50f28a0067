package vn.langso.backend.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.collections.PropertyType;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.ogc.filter.Expression.Comparison;
import vn.langso.backend.ogc.filter.Expression.ComparisonOperator;
import vn.langso.backend.ogc.filter.Expression.Literal;
import vn.langso.backend.ogc.filter.Expression.Property;
import vn.langso.backend.sql.SqlStatement;

/**
 * Literals at the edges of what a filter can spell: numbers beyond the database's numeric type, exponents whose
 * plain form has millions of digits, multi-geometries without members, duplicate JSON members and the Unicode
 * spaces of the CQL2 grammar. Each gives a syntax or filter error naming the value, never a failed query.
 */
class Cql2ExtremeLiteralsTest {

    private static final OgcCollection CLINICS = new OgcCollection("clinics", "Clinics", "Cơ sở y tế", "", "",
            "\"clinic\"", null, "id", false, "Point",
            List.of(new CollectionProperty("name", PropertyType.STRING),
                    new CollectionProperty("beds", PropertyType.INTEGER)),
            null);

    @ParameterizedTest
    @ValueSource(strings = {"beds = 1e-20000", "beds IN (1, 1e400)", "beds BETWEEN 0 AND -1e20000"})
    void outOfRangeNumbersRejected(String filter) {
        assertThatThrownBy(() -> sql(filter)).isInstanceOf(FilterException.class)
                .hasMessageMatching("number -?1E[+-]\\d+ (is beyond the range|has \\d+ digits after the decimal point)"
                        + ".*");
    }

    @Test
    void hugeExponentKeptShortInMessages() {
        assertThatThrownBy(() -> sql("name = 1e-500")).isInstanceOf(FilterException.class)
                .hasMessage("cannot compare property 'name' (text) with 1E-500 (number)");
        assertThatThrownBy(() -> sql("S_DWITHIN(geometry, POINT(105.6 10.4), -1e-1000000)"))
                .isInstanceOf(FilterException.class)
                .hasMessage("S_DWITHIN distance -1E-1000000 is out of range; give metres from 0 to 2000000");
    }

    @Test
    void tinyCoordinateWrittenAsDouble() {
        Expression.Spatial spatial = (Expression.Spatial) Cql2TextParser.parse(
                "S_INTERSECTS(geometry, POINT(105.6 1e-1000000))");

        assertThat(((Expression.Geometry) spatial.right()).wkt()).isEqualTo("POINT(105.6 0)");
    }

    @Test
    void negativeZeroClosesRing() {
        Expression.Spatial spatial = (Expression.Spatial) Cql2TextParser.parse(
                "S_WITHIN(geometry, POLYGON((0 0, 1 0, 1 1, -0 0)))");

        assertThat(((Expression.Geometry) spatial.right()).wkt()).isEqualTo("POLYGON((0 0,1 0,1 1,0 0))");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"MultiPoint\", \"coordinates\": []}",
            "{\"type\": \"MultiLineString\", \"coordinates\": []}",
            "{\"type\": \"MultiPolygon\", \"coordinates\": []}",
            "{\"type\": \"GeometryCollection\", \"geometries\": []}"})
    void emptyMultiGeometryRejected(String geometry) {
        String filter = "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, " + geometry + "]}";

        assertThatThrownBy(() -> Cql2JsonParser.parse(filter)).isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining("at $.args[1] has no").hasMessageEndingWith("give at least one");
    }

    @Test
    void jsonNumbersReadExactly() {
        assertThat(Cql2JsonParser.parse("{\"op\": \"=\", \"args\": [{\"property\": \"beds\"}, 1e400]}"))
                .isEqualTo(new Comparison(ComparisonOperator.EQUAL, new Property("beds"),
                        new Literal(new BigDecimal("1E+400"))));
        assertThat(Cql2JsonParser.parse("{\"op\": \"=\", \"args\": [{\"property\": \"beds\"}, 0.1]}"))
                .isEqualTo(new Comparison(ComparisonOperator.EQUAL, new Property("beds"),
                        new Literal(new BigDecimal("0.1"))));
    }

    @Test
    void jsonHugeCoordinateRejected() {
        String filter = "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"},"
                + " {\"type\": \"Point\", \"coordinates\": [1e400, 10]}]}";

        assertThatThrownBy(() -> Cql2JsonParser.parse(filter)).isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining("is too large (1E+400)");
    }

    @Test
    void jsonDuplicateMemberRejected() {
        String filter = "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, \"x\"], \"op\": \"<>\"}";

        assertThatThrownBy(() -> Cql2JsonParser.parse(filter)).isInstanceOf(Cql2SyntaxException.class)
                .hasMessageContaining("Duplicate Object property \"op\"");
    }

    @Test
    void unicodeSpacesSeparateTokens() {
        assertThat(Cql2TextParser.parse("beds\u00A0=\u202F1\u2003AND\u0085name = 'x'"))
                .isEqualTo(Cql2TextParser.parse("beds = 1 AND name = 'x'"));
    }

    @Test
    void invisibleCharacterNamedByCodePoint() {
        assertThatThrownBy(() -> Cql2TextParser.parse("beds = 1\u200D"))
                .hasMessage("at character 9: unexpected character '\u200D' (U+200D)");
    }

    private static String sql(String filter) {
        SqlStatement statement = new SqlStatement();
        FilterSqlWriter.addTo(statement, Cql2TextParser.parse(filter), CLINICS, SupportedCrs.CRS84);
        return statement.whereClause();
    }
}
