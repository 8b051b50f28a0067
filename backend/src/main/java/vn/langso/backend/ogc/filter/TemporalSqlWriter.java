package vn.langso.backend.ogc.filter;

import java.time.Instant;
import java.util.function.Function;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.collections.PropertyType;
import vn.langso.backend.ogc.filter.Expression.TemporalOperator;
import vn.langso.backend.web.ProvinceTime;

/**
 * Writes the CQL2 temporal functions as SQL conditions on the row alias {@code t}.
 *
 * <p>Every operand becomes a closed range of instants [start, end]. A timestamp is one instant. A date is its whole
 * day in Vietnam time, up to the last microsecond before the next midnight (the resolution of PostgreSQL
 * timestamps). An interval runs from the start of its start bound to the end of its end bound. An open bound
 * ({@code '..'}), or a property bound that is null in a feature, is {@code -infinity} or {@code infinity}. The
 * end column of a collection's validity period (such as {@code valid_to} of administrative units) contains the first
 * day on which a feature is no longer valid. As the end bound of an interval it therefore ends the interval at the
 * last instant of the day before, so that {@code INTERVAL(valid_from, valid_to)} is the same period that the
 * {@code datetime} parameter filters on. Anywhere else it is its whole day, like any date property.
 *
 * <p>Each function is a condition on the four endpoints, as CQL2 (OGC 21-065r2) defines it by reference to the
 * W3C/OGC Time Ontology. The ten interval functions compare every endpoint that decides the relation, not only the
 * ones their definitions name, so that exactly one of them, T_BEFORE, T_AFTER or T_EQUALS is true for any two
 * ranges, including ranges of a single instant. NOTE: the definitions table in the standard's source
 * (opengeospatial/ogcapi-features, cql2 clause 7) links T_STARTS and T_STARTEDBY to each other's definitions.
 * Here the names decide: T_STARTS(a, b) means that a starts with b and ends first.
 */
final class TemporalSqlWriter {

    private static final String MINUS_INFINITY = "'-infinity'::timestamptz";
    private static final String PLUS_INFINITY = "'infinity'::timestamptz";

    /**
     * An endpoint of a range: fixed SQL (a column expression or an infinity) or a literal instant. A literal is bound
     * as a parameter only where a condition uses it, because R2DBC rejects a statement with an unused parameter.
     */
    private record Endpoint(String sql, Instant instant) {

        static Endpoint sql(String sql) {
            return new Endpoint(sql, null);
        }

        static Endpoint of(Instant instant) {
            return new Endpoint(null, instant);
        }
    }

    /** A temporal operand as a closed range; {@code interval} is false for an instant. */
    private record Range(Endpoint start, Endpoint end, boolean interval, String description) {
    }

    private final Function<Expression.Property, CollectionProperty> queryable;
    private final Function<Instant, String> bindTime;
    private final String exclusiveEndColumn;

    /**
     * @param queryable finds the collection's column for a property, or throws a {@link FilterException}
     * @param bindTime  binds an instant as a parameter and returns its SQL placeholder
     * @param temporal  the collection's temporal extent, whose period end column is exclusive
     */
    TemporalSqlWriter(Function<Expression.Property, CollectionProperty> queryable, Function<Instant, String> bindTime,
                      OgcCollection.Temporal temporal) {
        this.queryable = queryable;
        this.bindTime = bindTime;
        this.exclusiveEndColumn = temporal != null && temporal.isPeriod() ? temporal.end() : null;
    }

    /**
     * Writes the function as a condition.
     *
     * @throws FilterException when an argument is not a time, or is an instant where the function takes intervals
     */
    String condition(Expression.Temporal temporal) {
        TemporalOperator operator = temporal.operator();
        Range a = range(temporal.left(), operator);
        Range b = range(temporal.right(), operator);
        if (operator.intervalsOnly()) {
            requireInterval(a, operator, "first");
            requireInterval(b, operator, "second");
        }

        return switch (operator) {
            case T_BEFORE -> less(a.end(), b.start());
            case T_AFTER -> less(b.end(), a.start());
            case T_DISJOINT -> "(" + less(a.end(), b.start()) + " OR " + less(b.end(), a.start()) + ")";
            case T_INTERSECTS -> all(lessOrEqual(a.start(), b.end()), lessOrEqual(b.start(), a.end()));
            case T_EQUALS -> all(equal(a.start(), b.start()), equal(a.end(), b.end()));
            case T_MEETS -> all(less(a.start(), b.start()), equal(a.end(), b.start()), less(a.end(), b.end()));
            case T_METBY -> all(less(b.start(), a.start()), equal(a.start(), b.end()), less(b.end(), a.end()));
            case T_OVERLAPS -> all(less(a.start(), b.start()), less(b.start(), a.end()), less(a.end(), b.end()));
            case T_OVERLAPPEDBY -> all(less(b.start(), a.start()), less(a.start(), b.end()), less(b.end(), a.end()));
            case T_STARTS -> all(equal(a.start(), b.start()), less(a.end(), b.end()));
            case T_STARTEDBY -> all(equal(a.start(), b.start()), less(b.end(), a.end()));
            case T_DURING -> all(less(b.start(), a.start()), less(a.end(), b.end()));
            case T_CONTAINS -> all(less(a.start(), b.start()), less(b.end(), a.end()));
            case T_FINISHES -> all(less(b.start(), a.start()), equal(a.end(), b.end()));
            case T_FINISHEDBY -> all(less(a.start(), b.start()), equal(a.end(), b.end()));
        };
    }

    private static void requireInterval(Range range, TemporalOperator operator, String position) {
        if (range.interval()) {
            return;
        }
        String example = range.description().startsWith("property '")
                ? range.description().substring("property '".length(), range.description().length() - 1)
                : range.description();
        throw new FilterException(operator + " compares two intervals, but its " + position + " argument, "
                + range.description() + ", is an instant; write it as an interval such as INTERVAL(" + example + ", "
                + example + "), or use T_BEFORE, T_AFTER, T_DISJOINT, T_EQUALS or T_INTERSECTS, which also take instants");
    }

    private Range range(Expression expression, TemporalOperator operator) {
        return switch (expression) {
            case Expression.TimeInstant instant -> new Range(Endpoint.of(instant.start()), Endpoint.of(instant.end()),
                    false, instant.text());
            case Expression.Property property -> new Range(Endpoint.sql(startSql(property, operator)),
                    Endpoint.sql(endSql(property, operator)), false, "property '" + property.name() + "'");
            case Expression.TimeInterval interval -> new Range(intervalStart(interval.start(), operator),
                    intervalEnd(interval.end(), operator), true, "an INTERVAL");
            default -> throw new FilterException(operator + " needs a time property, DATE, TIMESTAMP or INTERVAL, but"
                    + " found " + FilterSqlWriter.describe(expression));
        };
    }

    private Endpoint intervalStart(Expression bound, TemporalOperator operator) {
        return switch (bound) {
            case null -> Endpoint.sql(MINUS_INFINITY);
            case Expression.TimeInstant instant -> Endpoint.of(instant.start());
            case Expression.Property property ->
                    Endpoint.sql("COALESCE(" + startSql(property, operator) + ", " + MINUS_INFINITY + ")");
            default -> throw new IllegalStateException("Unexpected interval bound " + bound);
        };
    }

    private Endpoint intervalEnd(Expression bound, TemporalOperator operator) {
        return switch (bound) {
            case null -> Endpoint.sql(PLUS_INFINITY);
            case Expression.TimeInstant instant -> Endpoint.of(instant.end());
            case Expression.Property property ->
                    Endpoint.sql("COALESCE(" + intervalEndSql(property, operator) + ", " + PLUS_INFINITY + ")");
            default -> throw new IllegalStateException("Unexpected interval bound " + bound);
        };
    }

    /** Returns the timestamptz SQL of the first instant of a date or timestamp property. */
    private String startSql(Expression.Property property, TemporalOperator operator) {
        CollectionProperty column = temporalColumn(property, operator);
        String sql = "t." + column.name();
        return column.type() == PropertyType.DATE ? ProvinceTime.startOfSql(sql) : sql;
    }

    /** Returns the timestamptz SQL of the last instant of a date or timestamp property. */
    private String endSql(Expression.Property property, TemporalOperator operator) {
        CollectionProperty column = temporalColumn(property, operator);
        String sql = "t." + column.name();
        if (column.type() != PropertyType.DATE) {
            return sql;
        }
        return "(" + ProvinceTime.startOfSql("(" + sql + " + 1)") + " - INTERVAL '1 microsecond')";
    }

    /**
     * Returns the timestamptz SQL of the last instant of a property as an interval's end bound: the end of its day,
     * except for the exclusive end column of the validity period, which ends just before its day starts.
     */
    private String intervalEndSql(Expression.Property property, TemporalOperator operator) {
        CollectionProperty column = temporalColumn(property, operator);
        if (column.type() != PropertyType.DATE || !column.name().equals(exclusiveEndColumn)) {
            return endSql(property, operator);
        }
        return "(" + ProvinceTime.startOfSql("t." + column.name()) + " - INTERVAL '1 microsecond')";
    }

    private CollectionProperty temporalColumn(Expression.Property property, TemporalOperator operator) {
        CollectionProperty column = queryable.apply(property);
        return switch (column.type()) {
            case DATE, DATE_TIME -> column;
            default -> throw new FilterException(operator + " needs a time, but property '" + property.name()
                    + "' is " + column.type().name().toLowerCase());
        };
    }

    private String less(Endpoint left, Endpoint right) {
        return sql(left) + " < " + sql(right);
    }

    private String lessOrEqual(Endpoint left, Endpoint right) {
        return sql(left) + " <= " + sql(right);
    }

    private String equal(Endpoint left, Endpoint right) {
        return sql(left) + " = " + sql(right);
    }

    private static String all(String... conditions) {
        return "(" + String.join(" AND ", conditions) + ")";
    }

    private String sql(Endpoint endpoint) {
        return endpoint.sql() != null ? endpoint.sql() : bindTime.apply(endpoint.instant());
    }
}
