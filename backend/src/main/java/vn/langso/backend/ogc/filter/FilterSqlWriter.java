package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.DecimalLimits;
import vn.langso.backend.web.ProvinceTime;
import vn.langso.gis.text.VietnameseText;

/**
 * Checks a CQL2 {@link Expression} against a collection's queryables and writes it as one SQL condition on the row
 * alias {@code t}. Every literal becomes a bound parameter. The only spliced text is fixed SQL, operator symbols
 * from enums and column names from the collection's fixed property list.
 */
final class FilterSqlWriter {

    /** Maximum number of values in one IN list. */
    static final int MAX_IN_VALUES = 1000;

    /** Largest S_DWITHIN distance accepted, in metres: about the length of Vietnam. */
    static final BigDecimal MAX_DISTANCE_METRES = new BigDecimal("2000000");

    /** Property names that mean the feature's geometry. */
    private static final List<String> GEOMETRY_PROPERTIES = List.of("geometry", "geom");

    private enum Kind { TEXT, NUMBER, BOOLEAN, TIME, GEOMETRY }

    /** A scalar operand as SQL, with its type for checks. */
    private record Operand(String sql, Kind kind, String description) {
    }

    private final OgcCollection collection;
    private final SupportedCrs filterCrs;
    private final SqlStatement statement;
    private final TemporalSqlWriter temporalWriter;
    private int parameterCount;

    private FilterSqlWriter(OgcCollection collection, SupportedCrs filterCrs, SqlStatement statement) {
        this.collection = collection;
        this.filterCrs = filterCrs;
        this.statement = statement;
        this.temporalWriter = new TemporalSqlWriter(this::queryable, this::bindTime, collection.temporal());
    }

    /**
     * Adds the filter as one condition of the statement.
     *
     * @throws FilterException when a property is not queryable or operand types do not match
     */
    static void addTo(SqlStatement statement, Expression filter, OgcCollection collection, SupportedCrs filterCrs) {
        FilterSqlWriter writer = new FilterSqlWriter(collection, filterCrs, statement);
        statement.where("(" + writer.condition(filter) + ")");
    }

    private String condition(Expression expression) {
        return switch (expression) {
            case Expression.And and -> join(and.operands(), " AND ");
            case Expression.Or or -> join(or.operands(), " OR ");
            case Expression.Not not -> "NOT (" + condition(not.operand()) + ")";
            case Expression.Comparison comparison -> comparison(comparison);
            case Expression.Like like -> like(like);
            case Expression.Between between -> between(between);
            case Expression.In in -> in(in);
            case Expression.IsNull isNull -> "(" + scalar(isNull.value()).sql() + " IS NULL)";
            case Expression.Spatial spatial -> spatial(spatial);
            case Expression.Temporal temporal -> temporalWriter.condition(temporal);
            case Expression.Literal literal when literal.value() instanceof Boolean value -> value ? "TRUE" : "FALSE";
            default -> throw new FilterException(describe(expression) + " is not a condition; compare it with a value,"
                    + " e.g. " + describe(expression) + " = 'text'");
        };
    }

    private String join(List<Expression> operands, String operator) {
        return operands.stream().map(operand -> "(" + condition(operand) + ")").collect(Collectors.joining(operator));
    }

    private String comparison(Expression.Comparison comparison) {
        Operand left = scalar(comparison.left());
        Operand right = scalar(comparison.right());
        requireSameKind(left, right, "compare");
        if (left.kind() == Kind.GEOMETRY) {
            throw new FilterException("geometries are compared with spatial functions such as S_INTERSECTS, not "
                    + comparison.operator().symbol());
        }
        return left.sql() + " " + comparison.operator().symbol() + " " + right.sql();
    }

    private String like(Expression.Like like) {
        Operand value = scalar(like.value());
        Operand pattern = scalar(like.pattern());
        requireKind(value, Kind.TEXT, "LIKE");
        requireKind(pattern, Kind.TEXT, "LIKE");
        requireCompleteEscape(like.pattern());
        return value.sql() + " LIKE " + pattern.sql();
    }

    /**
     * Rejects a literal pattern that ends with the escape character, which PostgreSQL would reject with an error. A
     * pattern that is a property is not known before the query runs.
     */
    private static void requireCompleteEscape(Expression pattern) {
        Expression inner = switch (pattern) {
            case Expression.CaseInsensitive casei -> casei.value();
            case Expression.AccentInsensitive accenti -> accenti.value();
            default -> pattern;
        };
        if (inner != pattern) {
            requireCompleteEscape(inner);
            return;
        }
        if (!(inner instanceof Expression.Literal literal) || !(literal.value() instanceof String text)) {
            return;
        }

        int trailingBackslashes = 0;
        while (trailingBackslashes < text.length() && text.charAt(text.length() - 1 - trailingBackslashes) == '\\') {
            trailingBackslashes++;
        }
        if (trailingBackslashes % 2 == 1) {
            throw new FilterException("the LIKE pattern '" + text + "' ends with the escape character \\; write \\\\ "
                    + "to match a backslash");
        }
    }

    private String between(Expression.Between between) {
        Operand value = scalar(between.value());
        Operand low = scalar(between.low());
        Operand high = scalar(between.high());
        if (value.kind() != Kind.NUMBER && value.kind() != Kind.TIME) {
            throw new FilterException("BETWEEN needs a number or a time, but " + value.description() + " is "
                    + value.kind().name().toLowerCase());
        }
        requireSameKind(value, low, "compare");
        requireSameKind(value, high, "compare");
        return value.sql() + " BETWEEN " + low.sql() + " AND " + high.sql();
    }

    private String in(Expression.In in) {
        if (in.list().size() > MAX_IN_VALUES) {
            throw new FilterException("IN lists " + in.list().size() + " values; give at most " + MAX_IN_VALUES);
        }
        Operand value = scalar(in.value());
        List<String> items = new ArrayList<>();
        for (Expression item : in.list()) {
            Operand operand = scalar(item);
            requireSameKind(value, operand, "compare");
            items.add(operand.sql());
        }
        return value.sql() + " IN (" + String.join(", ", items) + ")";
    }

    private String spatial(Expression.Spatial spatial) {
        Operand left = scalar(spatial.left());
        Operand right = scalar(spatial.right());
        requireKind(left, Kind.GEOMETRY, spatial.operator().name());
        requireKind(right, Kind.GEOMETRY, spatial.operator().name());
        if (spatial.operator() == Expression.SpatialOperator.S_DWITHIN) {
            BigDecimal distance = spatial.distanceMetres();
            if (distance.signum() < 0 || distance.compareTo(MAX_DISTANCE_METRES) > 0) {
                throw new FilterException("S_DWITHIN distance " + DecimalLimits.describe(distance)
                        + " is out of range; give metres from 0 to " + MAX_DISTANCE_METRES.toPlainString());
            }
            return "ST_DWithin(" + left.sql() + "::geography, " + right.sql() + "::geography, "
                    + bind(distance.doubleValue()) + ")";
        }
        return spatial.operator().postgisFunction() + "(" + left.sql() + ", " + right.sql() + ")";
    }

    private Operand scalar(Expression expression) {
        return switch (expression) {
            case Expression.Property property -> property(property);
            case Expression.Literal literal -> literal(literal);
            case Expression.TimeInstant instant -> new Operand(bindTime(instant.start()), Kind.TIME, instant.text());
            case Expression.Geometry geometry -> new Operand(geometry(geometry), Kind.GEOMETRY, "a geometry");
            case Expression.CaseInsensitive casei -> {
                Operand inner = scalar(casei.value());
                requireKind(inner, Kind.TEXT, "CASEI");
                yield new Operand("lower(" + inner.sql() + ")", Kind.TEXT, "CASEI(" + inner.description() + ")");
            }
            case Expression.AccentInsensitive accenti -> {
                Operand inner = scalar(accenti.value());
                requireKind(inner, Kind.TEXT, "ACCENTI");
                yield new Operand("regexp_replace(translate(normalize(" + inner.sql() + ", NFD), 'đĐ', 'dD'),"
                        + " '[\\u0300-\\u036f]', '', 'g')", Kind.TEXT, "ACCENTI(" + inner.description() + ")");
            }
            case Expression.TimeInterval interval -> throw new FilterException(
                    "an INTERVAL is used only in temporal functions such as T_INTERSECTS");
            default -> throw new FilterException("a condition is used where a value is expected: " + describe(expression));
        };
    }

    private Operand property(Expression.Property property) {
        if (GEOMETRY_PROPERTIES.contains(property.name())) {
            return new Operand("t.geom", Kind.GEOMETRY, "property '" + property.name() + "'");
        }
        CollectionProperty column = queryable(property);
        String sql = "t." + column.name();
        Kind kind = switch (column.type()) {
            case STRING -> Kind.TEXT;
            case INTEGER, NUMBER -> Kind.NUMBER;
            case BOOLEAN -> Kind.BOOLEAN;
            case DATE_TIME -> Kind.TIME;
            case DATE -> {
                sql = ProvinceTime.startOfSql("t." + column.name());
                yield Kind.TIME;
            }
        };
        return new Operand(sql, kind, "property '" + property.name() + "'");
    }

    private Operand literal(Expression.Literal literal) {
        return switch (literal.value()) {
            case String text when text.indexOf('\0') >= 0 -> throw new FilterException("a string contains the NUL "
                    + "character (U+0000), which no text in the database can contain; remove it");
            case String text -> new Operand(bind(VietnameseText.clean(text)), Kind.TEXT,
                    "'" + text + "'");
            case BigDecimal number -> {
                DecimalLimits.problem(number).ifPresent(reason -> {
                    throw new FilterException(reason);
                });
                yield new Operand(bind(number), Kind.NUMBER, DecimalLimits.describe(number));
            }
            case Boolean value -> new Operand(bind(value), Kind.BOOLEAN, value.toString());
            default -> throw new IllegalStateException("Unexpected literal " + literal.value().getClass());
        };
    }

    /**
     * Binds the WKT and turns it into a WGS 84 geometry, the storage CRS. Coordinates outside the range of the filter
     * CRS are rejected first, because PostGIS fails to transform some of them.
     */
    private String geometry(Expression.Geometry geometry) {
        if (filterCrs.srid() == 4326) {
            double minLongitude = filterCrs.latitudeFirst() ? geometry.minY() : geometry.minX();
            double maxLongitude = filterCrs.latitudeFirst() ? geometry.maxY() : geometry.maxX();
            double minLatitude = filterCrs.latitudeFirst() ? geometry.minX() : geometry.minY();
            double maxLatitude = filterCrs.latitudeFirst() ? geometry.maxX() : geometry.maxY();
            if (minLongitude < -180 || maxLongitude > 180 || minLatitude < -90 || maxLatitude > 90) {
                throw new FilterException("a geometry has coordinates outside longitude -180..180 and latitude -90..90 in "
                        + filterCrs.uri() + (filterCrs.latitudeFirst() ? " (latitude first)" : " (longitude first)")
                        + "; check the axis order or set filter-crs");
            }
        } else {
            filterCrs.outOfRange(geometry.minX(), geometry.minY(), geometry.maxX(), geometry.maxY()).ifPresent(reason -> {
                throw new FilterException("in a geometry, " + reason + ", the range of filter-crs " + filterCrs.uri()
                        + "; give coordinates with " + filterCrs.ranges() + ", or set filter-crs to the CRS they are in");
            });
        }
        String parameter = bind(geometry.wkt());
        String parsed = "ST_GeomFromText(" + parameter + ", " + filterCrs.srid() + ")";
        if (filterCrs.srid() != 4326) {
            return "ST_Transform(" + parsed + ", 4326)";
        }
        return filterCrs.latitudeFirst() ? "ST_FlipCoordinates(" + parsed + ")" : parsed;
    }

    private CollectionProperty queryable(Expression.Property property) {
        return collection.property(property.name()).orElseThrow(() -> new FilterException("property '"
                + property.name() + "' is not queryable in collection '" + collection.id() + "'; use one of "
                + collection.properties().stream().map(CollectionProperty::name).collect(Collectors.joining(", "))
                + ", geometry (see /ogc/collections/" + collection.id() + "/queryables)"));
    }

    private static void requireKind(Operand operand, Kind kind, String operator) {
        if (operand.kind() != kind) {
            throw new FilterException(operator + " needs " + kind.name().toLowerCase() + ", but " + operand.description()
                    + " is " + operand.kind().name().toLowerCase());
        }
    }

    private static void requireSameKind(Operand left, Operand right, String verb) {
        if (left.kind() != right.kind()) {
            String hint = left.kind() == Kind.TIME || right.kind() == Kind.TIME
                    ? "; write times as TIMESTAMP('2025-07-01T08:00:00Z') or DATE('2025-07-01')" : "";
            throw new FilterException("cannot " + verb + " " + left.description() + " (" + left.kind().name().toLowerCase()
                    + ") with " + right.description() + " (" + right.kind().name().toLowerCase() + ")" + hint);
        }
    }

    private String bind(Object value) {
        String name = "filter_" + parameterCount++;
        statement.bind(name, value);
        return ":" + name;
    }

    /** Binds an instant, cut to the microseconds that a PostgreSQL timestamp keeps. */
    private String bindTime(Instant instant) {
        return bind(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    static String describe(Expression expression) {
        return switch (expression) {
            case Expression.Property property -> "property '" + property.name() + "'";
            case Expression.Literal literal -> "the value " + literal.value();
            default -> expression.getClass().getSimpleName();
        };
    }
}
