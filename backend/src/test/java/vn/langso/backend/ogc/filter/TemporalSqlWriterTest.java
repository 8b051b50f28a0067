package vn.langso.backend.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.collections.PropertyType;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.ogc.filter.Expression.TemporalOperator;
import vn.langso.backend.sql.SqlStatement;

/** Temporal functions written as SQL: which arguments each takes, open bounds, and values bound, not spliced. */
class TemporalSqlWriterTest {

    private static final OgcCollection EVENTS = new OgcCollection("events", "Events", "Sự kiện", "", "",
            "\"event\"", null, "id", false, "Point",
            List.of(new CollectionProperty("name", PropertyType.STRING),
                    new CollectionProperty("reported_at", PropertyType.DATE_TIME),
                    new CollectionProperty("updated_at", PropertyType.DATE_TIME),
                    new CollectionProperty("valid_from", PropertyType.DATE),
                    new CollectionProperty("valid_to", PropertyType.DATE)),
            OgcCollection.Temporal.instant("reported_at"));

    @ParameterizedTest
    @EnumSource(TemporalOperator.class)
    void instantFirstArgumentChecked(TemporalOperator operator) {
        String filter = operator + "(reported_at, INTERVAL('2025-01-01', '2025-12-31'))";

        if (operator.intervalsOnly()) {
            assertThatThrownBy(() -> sql(filter)).isInstanceOf(FilterException.class)
                    .hasMessage(operator + " compares two intervals, but its first argument, property 'reported_at', is"
                            + " an instant; write it as an interval such as INTERVAL(reported_at, reported_at), or use"
                            + " T_BEFORE, T_AFTER, T_DISJOINT, T_EQUALS or T_INTERSECTS, which also take instants");
        } else {
            assertThat(sql(filter)).contains("t.reported_at");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TemporalOperator.class, names = {"T_CONTAINS", "T_DURING", "T_FINISHEDBY", "T_FINISHES",
            "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY", "T_STARTS"})
    void intervalFunctionsRejectInstantSecond(TemporalOperator operator) {
        String filter = operator + "(INTERVAL(reported_at, updated_at), DATE('2025-07-01'))";

        assertThatThrownBy(() -> sql(filter)).isInstanceOf(FilterException.class)
                .hasMessageStartingWith(operator + " compares two intervals, but its second argument,"
                        + " DATE('2025-07-01'), is an instant; write it as an interval such as"
                        + " INTERVAL(DATE('2025-07-01'), DATE('2025-07-01'))");
    }

    @Test
    void functionsMatchStandardList() {
        assertThat(TemporalOperator.values()).extracting(Enum::name).containsExactlyInAnyOrder("T_AFTER", "T_BEFORE",
                "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS", "T_FINISHEDBY", "T_FINISHES", "T_INTERSECTS",
                "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY", "T_STARTS");
        assertThat(TemporalOperator.values()).filteredOn(operator -> !operator.intervalsOnly()).extracting(Enum::name)
                .containsExactlyInAnyOrder("T_AFTER", "T_BEFORE", "T_DISJOINT", "T_EQUALS", "T_INTERSECTS");
    }

    @Test
    void openBoundsAreInfinities() {
        String sql = sql("T_DURING(INTERVAL(reported_at, '..'), INTERVAL('..', '..'))");

        assertThat(sql).isEqualTo("(('-infinity'::timestamptz < COALESCE(t.reported_at, '-infinity'::timestamptz)"
                + " AND 'infinity'::timestamptz < 'infinity'::timestamptz))");
    }

    @Test
    void nullPropertyBoundIsOpen() {
        String sql = sql("T_STARTEDBY(INTERVAL(valid_from, valid_to), INTERVAL('2025-07-01', '..'))");

        assertThat(sql).contains("COALESCE((t.valid_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'),"
                + " '-infinity'::timestamptz)");
        assertThat(sql).contains("COALESCE((((t.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"
                + " - INTERVAL '1 microsecond'), 'infinity'::timestamptz)");
    }

    @Test
    void periodEndBoundIsExclusive() {
        OgcCollection units = new OgcCollection("units", "Units", "Đơn vị", "", "", "\"unit\"", null, "id", false,
                "MultiPolygon", EVENTS.properties(), OgcCollection.Temporal.period("valid_from", "valid_to"));

        String sql = sql("T_INTERSECTS(INTERVAL(valid_from, valid_to), valid_to)", units);

        // As an interval's end, valid_to ends before its own day; as an instant it is its whole day.
        assertThat(sql).contains("COALESCE(((t.valid_to::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"
                + " - INTERVAL '1 microsecond'), 'infinity'::timestamptz)");
        assertThat(sql).contains("<= (((t.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"
                + " - INTERVAL '1 microsecond')");
    }

    @Test
    void instantPropertyIsNotCoalesced() {
        String sql = sql("T_BEFORE(valid_to, DATE('2025-07-01'))");

        assertThat(sql).isEqualTo("((((t.valid_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"
                + " - INTERVAL '1 microsecond') < :filter_0)");
    }

    @Test
    void literalsAreBoundOnlyWhereUsed() {
        String sql = sql("T_BEFORE(INTERVAL('2025-01-01', '2025-06-30'), INTERVAL('2025-07-01T00:00:00Z', '..'))");

        assertThat(sql).isEqualTo("(:filter_0 < :filter_1)");
        assertThat(sql).doesNotContain("2025");
    }

    @Test
    void nonTemporalBoundRejected() {
        assertThatThrownBy(() -> sql("T_MEETS(INTERVAL(name, '..'), INTERVAL('..', '..'))"))
                .isInstanceOf(FilterException.class)
                .hasMessage("T_MEETS needs a time, but property 'name' is string");
        assertThatThrownBy(() -> sql("T_MEETS(INTERVAL(colour, '..'), INTERVAL('..', '..'))"))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith("property 'colour' is not queryable in collection 'events'");
        assertThatThrownBy(() -> sql("T_AFTER(name, DATE('2025-07-01'))"))
                .isInstanceOf(FilterException.class)
                .hasMessage("T_AFTER needs a time, but property 'name' is string");
    }

    private static String sql(String filter) {
        return sql(filter, EVENTS);
    }

    private static String sql(String filter, OgcCollection collection) {
        SqlStatement statement = new SqlStatement();
        FilterSqlWriter.addTo(statement, Cql2TextParser.parse(filter), collection, SupportedCrs.CRS84);
        return statement.whereClause().substring(" WHERE ".length());
    }
}
