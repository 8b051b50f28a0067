package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ogc.filter.Expression.ComparisonOperator;
import vn.langso.backend.ogc.filter.Expression.SpatialOperator;
import vn.langso.backend.ogc.filter.Expression.TemporalOperator;
import vn.langso.backend.ogc.filter.GeometryBuilder.Position;

/**
 * Reads the CQL2 JSON encoding: {@code {"op": "...", "args": [...]}} objects, {@code {"property": ...}},
 * {@code {"date"|"timestamp"|"interval": ...}}, GeoJSON geometries and {@code {"bbox": [...]}}, into the same
 * {@link Expression} tree as the text encoding.
 */
public final class Cql2JsonParser {

    /**
     * Reads numbers with fractions or exponents as exact decimals, as the text encoding does, so that 1e400 is a number
     * out of range and not an infinity. A member given twice is an error rather than silently the last one.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Cql2JsonParser() {
    }

    /**
     * Parses a whole filter.
     *
     * @throws Cql2SyntaxException naming the JSON path of the problem
     */
    public static Expression parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Cql2SyntaxException("the filter is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new Cql2SyntaxException("the filter is empty; give a JSON object such as "
                    + "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, \"Tân Thuận Tây\"]}");
        }
        return predicate(root, "$", 0);
    }

    private static Expression predicate(JsonNode node, String path, int depth) {
        checkDepth(path, depth);
        if (node.isBoolean()) {
            return new Expression.Literal(node.booleanValue());
        }
        if (!node.isObject() || !node.has("op")) {
            throw new Cql2SyntaxException("at " + path + ": expected a predicate object with \"op\" and \"args\"");
        }
        String op = node.path("op").asString("").toLowerCase(Locale.ROOT);
        JsonNode args = node.path("args");
        if (!args.isArray()) {
            throw new Cql2SyntaxException("at " + path + ": \"args\" of operator \"" + op + "\" must be an array");
        }
        String argsPath = path + ".args";

        ComparisonOperator comparison = ComparisonOperator.ofSymbol(op);
        if (comparison != null) {
            requireCount(args, 2, op, argsPath);
            return new Expression.Comparison(comparison, operand(args.get(0), argsPath + "[0]", depth),
                    operand(args.get(1), argsPath + "[1]", depth));
        }
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw new Cql2SyntaxException("at " + argsPath + ": \"" + op + "\" needs at least 2 arguments");
                }
                List<Expression> operands = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    operands.add(predicate(args.get(i), argsPath + "[" + i + "]", depth + 1));
                }
                return op.equals("and") ? new Expression.And(operands) : new Expression.Or(operands);
            }
            case "not" -> {
                requireCount(args, 1, op, argsPath);
                return new Expression.Not(predicate(args.get(0), argsPath + "[0]", depth + 1));
            }
            case "like" -> {
                requireCount(args, 2, op, argsPath);
                return new Expression.Like(operand(args.get(0), argsPath + "[0]", depth),
                        operand(args.get(1), argsPath + "[1]", depth));
            }
            case "between" -> {
                requireCount(args, 3, op, argsPath);
                return new Expression.Between(operand(args.get(0), argsPath + "[0]", depth),
                        operand(args.get(1), argsPath + "[1]", depth), operand(args.get(2), argsPath + "[2]", depth));
            }
            case "in" -> {
                requireCount(args, 2, op, argsPath);
                JsonNode list = args.get(1);
                if (!list.isArray() || list.isEmpty()) {
                    throw new Cql2SyntaxException("at " + argsPath + "[1]: \"in\" needs a non-empty array of values");
                }
                List<Expression> items = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    items.add(operand(list.get(i), argsPath + "[1][" + i + "]", depth));
                }
                return new Expression.In(operand(args.get(0), argsPath + "[0]", depth), items);
            }
            case "isnull" -> {
                requireCount(args, 1, op, argsPath);
                return new Expression.IsNull(operand(args.get(0), argsPath + "[0]", depth));
            }
            default -> {
                return functionPredicate(op, args, path, argsPath, depth);
            }
        }
    }

    private static Expression functionPredicate(String op, JsonNode args, String path, String argsPath, int depth) {
        if (op.startsWith("s_")) {
            SpatialOperator operator = enumValue(SpatialOperator.class, op, path);
            requireCount(args, operator == SpatialOperator.S_DWITHIN ? 3 : 2, op, argsPath);
            BigDecimal distance = null;
            if (operator == SpatialOperator.S_DWITHIN) {
                if (!args.get(2).isNumber()) {
                    throw new Cql2SyntaxException("at " + argsPath + "[2]: expected a distance in metres");
                }
                distance = args.get(2).decimalValue();
            }
            return new Expression.Spatial(operator, operand(args.get(0), argsPath + "[0]", depth),
                    operand(args.get(1), argsPath + "[1]", depth), distance);
        }
        if (op.startsWith("t_")) {
            TemporalOperator operator = enumValue(TemporalOperator.class, op, path);
            requireCount(args, 2, op, argsPath);
            return new Expression.Temporal(operator, operand(args.get(0), argsPath + "[0]", depth),
                    operand(args.get(1), argsPath + "[1]", depth));
        }
        throw new Cql2SyntaxException("at " + path + ": operator \"" + op + "\" is not supported; use =, <>, <, <=, >,"
                + " >=, and, or, not, like, between, in, isNull, s_intersects and the other s_ and t_ functions");
    }

    /** Reads an operand: a property, a literal, a time or geometry literal, or casei/accenti of one. */
    private static Expression operand(JsonNode node, String path, int depth) {
        checkDepth(path, depth);
        if (node.isString()) {
            return new Expression.Literal(node.stringValue());
        }
        if (node.isNumber()) {
            return new Expression.Literal(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new Expression.Literal(node.booleanValue());
        }
        if (!node.isObject()) {
            throw new Cql2SyntaxException("at " + path + ": expected a property, a value, a time or a geometry");
        }
        if (node.has("property")) {
            if (!node.get("property").isString()) {
                throw new Cql2SyntaxException("at " + path + ".property: expected a property name");
            }
            return new Expression.Property(node.get("property").stringValue());
        }
        if (node.has("op")) {
            String op = node.path("op").asString("").toLowerCase(Locale.ROOT);
            JsonNode args = node.path("args");
            if ((op.equals("casei") || op.equals("accenti")) && args.isArray() && args.size() == 1) {
                Expression inner = operand(args.get(0), path + ".args[0]", depth + 1);
                return op.equals("casei") ? new Expression.CaseInsensitive(inner) : new Expression.AccentInsensitive(inner);
            }
            throw new Cql2SyntaxException("at " + path + ": function \"" + op
                    + "\" is not supported here; use casei or accenti with one argument");
        }
        if (node.has("date")) {
            return Expression.TimeInstant.of(Cql2TextParser.date(node.path("date").asString("")));
        }
        if (node.has("timestamp")) {
            return Expression.TimeInstant.of(Cql2TextParser.timestamp(node.path("timestamp").asString("")));
        }
        if (node.has("interval")) {
            return interval(node.get("interval"), path + ".interval");
        }
        if (node.has("bbox")) {
            GeometryBuilder builder = new GeometryBuilder();
            return builder.build(builder.envelope(numbers(node.get("bbox"), path + ".bbox")));
        }
        if (node.has("type") && node.has("coordinates") || "GeometryCollection".equals(node.path("type").asString(""))) {
            GeometryBuilder builder = new GeometryBuilder();
            return builder.build(geometry(node, path, builder, depth));
        }
        throw new Cql2SyntaxException("at " + path + ": expected {\"property\": ...}, a date, timestamp, interval,"
                + " bbox or a GeoJSON geometry");
    }

    private static Expression interval(JsonNode bounds, String path) {
        if (!bounds.isArray() || bounds.size() != 2) {
            throw new Cql2SyntaxException("at " + path + ": expected an array of two bounds, e.g. [\"2025-01-01\", \"..\"]");
        }
        Expression start = intervalBound(bounds.get(0), path + "[0]");
        Expression end = intervalBound(bounds.get(1), path + "[1]");
        return Cql2TextParser.checkedInterval(start, end, "at " + path + ": the interval");
    }

    /**
     * Reads an interval bound: {@code ".."} (open), a date or timestamp string, {@code {"date": ...}},
     * {@code {"timestamp": ...}} or {@code {"property": ...}}.
     */
    private static Expression intervalBound(JsonNode bound, String path) {
        if (bound.isString()) {
            return bound.stringValue().equals("..") ? null : Cql2TextParser.instant(bound.stringValue());
        }
        if (bound.isObject() && bound.path("date").isString()) {
            return Expression.TimeInstant.of(Cql2TextParser.date(bound.get("date").stringValue()));
        }
        if (bound.isObject() && bound.path("timestamp").isString()) {
            return Expression.TimeInstant.of(Cql2TextParser.timestamp(bound.get("timestamp").stringValue()));
        }
        if (bound.isObject() && bound.path("property").isString()) {
            return new Expression.Property(bound.get("property").stringValue());
        }
        throw new Cql2SyntaxException("at " + path + ": expected \"..\", a date, a timestamp or"
                + " {\"property\": ...} of a date or timestamp property");
    }

    private static String geometry(JsonNode node, String path, GeometryBuilder builder, int depth) {
        checkDepth(path, depth);
        String type = node.path("type").asString("");
        JsonNode coordinates = node.path("coordinates");
        String where = "at " + path;
        return switch (type) {
            case "Point" -> builder.point(position(coordinates, path + ".coordinates", builder));
            case "LineString" -> builder.lineString(positions(coordinates, path + ".coordinates", builder), where);
            case "Polygon" -> builder.polygon(rings(coordinates, path + ".coordinates", builder), where);
            case "MultiPoint" -> builder.multiPoint(positions(coordinates, path + ".coordinates", builder), where);
            case "MultiLineString" -> builder.multiLineString(rings(coordinates, path + ".coordinates", builder), where);
            case "MultiPolygon" -> {
                List<List<List<Position>>> polygons = new ArrayList<>();
                requireArray(coordinates, path + ".coordinates");
                for (int i = 0; i < coordinates.size(); i++) {
                    polygons.add(rings(coordinates.get(i), path + ".coordinates[" + i + "]", builder));
                }
                yield builder.multiPolygon(polygons, where);
            }
            case "GeometryCollection" -> {
                JsonNode members = node.path("geometries");
                requireArray(members, path + ".geometries");
                List<String> wkt = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    wkt.add(geometry(members.get(i), path + ".geometries[" + i + "]", builder, depth + 1));
                }
                yield builder.collection(wkt, where);
            }
            default -> throw new Cql2SyntaxException(where + ": GeoJSON type \"" + type + "\" is not a geometry type");
        };
    }

    private static List<List<Position>> rings(JsonNode node, String path, GeometryBuilder builder) {
        requireArray(node, path);
        List<List<Position>> rings = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            rings.add(positions(node.get(i), path + "[" + i + "]", builder));
        }
        return rings;
    }

    private static List<Position> positions(JsonNode node, String path, GeometryBuilder builder) {
        requireArray(node, path);
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            positions.add(position(node.get(i), path + "[" + i + "]", builder));
        }
        return positions;
    }

    private static Position position(JsonNode node, String path, GeometryBuilder builder) {
        return builder.position(numbers(node, path), "at " + path);
    }

    private static List<BigDecimal> numbers(JsonNode node, String path) {
        requireArray(node, path);
        List<BigDecimal> numbers = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw new Cql2SyntaxException("at " + path + "[" + i + "]: expected a number");
            }
            numbers.add(node.get(i).decimalValue());
        }
        return numbers;
    }

    private static void requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new Cql2SyntaxException("at " + path + ": expected an array");
        }
    }

    private static void requireCount(JsonNode args, int count, String op, String path) {
        if (args.size() != count) {
            throw new Cql2SyntaxException("at " + path + ": \"" + op + "\" needs " + count + " argument(s), found "
                    + args.size());
        }
    }

    private static void checkDepth(String path, int depth) {
        if (depth > Cql2TextParser.MAX_DEPTH) {
            throw new Cql2SyntaxException("at " + path + ": the filter nests deeper than " + Cql2TextParser.MAX_DEPTH
                    + " levels; simplify it");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String op, String path) {
        try {
            return Enum.valueOf(type, op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Cql2SyntaxException("at " + path + ": operator \"" + op + "\" is not supported; use one of "
                    + Arrays.stream(type.getEnumConstants()).map(value -> value.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }
}
