package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.langso.backend.web.ProvinceTime;

/**
 * The syntax tree of a CQL2 filter (OGC 21-065), the same for the text and the JSON encoding. Parsers build it,
 * {@link FilterSqlWriter} checks it against a collection's queryables and turns it into bound SQL.
 */
public sealed interface Expression {

    /** Conjunction of two or more conditions. */
    record And(List<Expression> operands) implements Expression {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** Disjunction of two or more conditions. */
    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Expression operand) implements Expression {
    }

    /** A binary comparison: {@code =, <>, <, <=, >, >=}. */
    record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {
    }

    /** {@code value LIKE pattern}, with {@code %} and {@code _} as wildcards and {@code \} as the escape. */
    record Like(Expression value, Expression pattern) implements Expression {
    }

    /** {@code value BETWEEN low AND high}, both bounds included. */
    record Between(Expression value, Expression low, Expression high) implements Expression {
    }

    record In(Expression value, List<Expression> list) implements Expression {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Expression value) implements Expression {
    }

    /**
     * A spatial predicate between two geometries; {@code distanceMetres} is set for {@code S_DWITHIN} only and is a
     * geodesic distance.
     */
    record Spatial(SpatialOperator operator, Expression left, Expression right, BigDecimal distanceMetres)
            implements Expression {
    }

    /** A temporal predicate between two instants or intervals; see {@link TemporalOperator} for which it takes. */
    record Temporal(TemporalOperator operator, Expression left, Expression right) implements Expression {
    }

    /** {@code CASEI(x)}: compares text without regard to case. */
    record CaseInsensitive(Expression value) implements Expression {
    }

    /** {@code ACCENTI(x)}: compares text without regard to diacritics, so "Tan Thuan" matches "Tân Thuận". */
    record AccentInsensitive(Expression value) implements Expression {
    }

    record Property(String name) implements Expression {
        public Property {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A text, number ({@link BigDecimal}) or boolean literal. */
    record Literal(Object value) implements Expression {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code DATE('2025-07-01')} or {@code TIMESTAMP('2025-07-01T08:00:00Z')}. A date is the whole day in Vietnam
     * time, so it has a first and a last instant; a timestamp is one instant.
     */
    record TimeInstant(Instant timestamp, LocalDate date) implements Expression {

        /** The resolution of PostgreSQL timestamps, and so of the instants a filter can tell apart. */
        static final Duration RESOLUTION = Duration.of(1, ChronoUnit.MICROS);

        public static TimeInstant of(Instant timestamp) {
            return new TimeInstant(timestamp, null);
        }

        public static TimeInstant of(LocalDate date) {
            return new TimeInstant(null, date);
        }

        /** Returns the first instant: a date starts at midnight in Vietnam time. */
        public Instant start() {
            return timestamp != null ? timestamp : ProvinceTime.startOf(date);
        }

        /**
         * Returns the last instant, included: a date ends one microsecond (the database's resolution) before the
         * next midnight in Vietnam time, so that every instant belongs to exactly one day.
         */
        public Instant end() {
            return timestamp != null ? timestamp : ProvinceTime.startOf(date.plusDays(1)).minus(RESOLUTION);
        }

        /** Returns the literal as the text encoding writes it, for error messages. */
        public String text() {
            return timestamp != null ? "TIMESTAMP('" + timestamp + "')" : "DATE('" + date + "')";
        }
    }

    /**
     * {@code INTERVAL(start, end)}, both bounds included. Each bound is a {@link TimeInstant}, a {@link Property} of
     * a date or timestamp column, or null for an open bound ({@code '..'}).
     */
    record TimeInterval(Expression start, Expression end) implements Expression {
        public TimeInterval {
            requireBound(start, "start");
            requireBound(end, "end");
        }

        private static void requireBound(Expression bound, String boundName) {
            if (bound != null && !(bound instanceof TimeInstant) && !(bound instanceof Property)) {
                throw new IllegalArgumentException("Interval " + boundName + " must be a time, a property or open: "
                        + bound);
            }
        }
    }

    /**
     * A geometry literal in the filter CRS, kept as canonical WKT for {@code ST_GeomFromText}, with its envelope so
     * that coordinates can be checked against the CRS before any database work.
     */
    record Geometry(String wkt, double minX, double minY, double maxX, double maxY) implements Expression {
        public Geometry {
            Objects.requireNonNull(wkt, "wkt");
        }
    }

    enum ComparisonOperator {
        EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        ComparisonOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static ComparisonOperator ofSymbol(String symbol) {
            for (ComparisonOperator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            return null;
        }
    }

    /** The spatial functions of CQL2 and the PostGIS function each one maps to. */
    enum SpatialOperator {
        S_INTERSECTS("ST_Intersects"), S_DISJOINT("ST_Disjoint"), S_EQUALS("ST_Equals"), S_TOUCHES("ST_Touches"),
        S_WITHIN("ST_Within"), S_CONTAINS("ST_Contains"), S_OVERLAPS("ST_Overlaps"), S_CROSSES("ST_Crosses"),
        S_DWITHIN("ST_DWithin");

        private final String postgisFunction;

        SpatialOperator(String postgisFunction) {
            this.postgisFunction = postgisFunction;
        }

        public String postgisFunction() {
            return postgisFunction;
        }
    }

    /**
     * The temporal functions of CQL2 (OGC 21-065r2, Temporal Functions). The first five take instants or intervals;
     * the others are relations of Allen's interval algebra and take intervals only.
     */
    enum TemporalOperator {
        T_AFTER(false), T_BEFORE(false), T_DISJOINT(false), T_EQUALS(false), T_INTERSECTS(false),
        T_CONTAINS(true), T_DURING(true), T_FINISHEDBY(true), T_FINISHES(true), T_MEETS(true), T_METBY(true),
        T_OVERLAPPEDBY(true), T_OVERLAPS(true), T_STARTEDBY(true), T_STARTS(true);

        private final boolean intervalsOnly;

        TemporalOperator(boolean intervalsOnly) {
            this.intervalsOnly = intervalsOnly;
        }

        /** Returns true when both arguments must be intervals; an instant is then a client error. */
        public boolean intervalsOnly() {
            return intervalsOnly;
        }

        /** Returns the names of every temporal function, for error messages. */
        static String names() {
            return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
        }
    }
}
