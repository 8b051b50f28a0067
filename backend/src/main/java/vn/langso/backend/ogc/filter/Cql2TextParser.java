package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.langso.backend.ogc.filter.Cql2Lexer.Kind;
import vn.langso.backend.ogc.filter.Cql2Lexer.Token;
import vn.langso.backend.ogc.filter.Expression.ComparisonOperator;
import vn.langso.backend.ogc.filter.Expression.SpatialOperator;
import vn.langso.backend.ogc.filter.Expression.TemporalOperator;
import vn.langso.backend.ogc.filter.GeometryBuilder.Position;

/**
 * Reads the CQL2 text encoding (Basic CQL2, advanced comparison, spatial and temporal functions, CASEI and ACCENTI)
 * into an {@link Expression} by recursive descent. Arithmetic and array functions are not supported and give a
 * syntax error that names them.
 */
public final class Cql2TextParser {

    /** Deepest nesting of parentheses and NOTs accepted, so that a hostile filter cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;

    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL",
            "TRUE", "FALSE");

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Cql2TextParser(String text) {
        this.tokens = Cql2Lexer.tokenize(text);
    }

    /**
     * Parses a whole filter.
     *
     * @throws Cql2SyntaxException with the character position and what was expected
     */
    public static Expression parse(String text) {
        Cql2TextParser parser = new Cql2TextParser(text);
        if (parser.peek().kind() == Kind.END) {
            throw new Cql2SyntaxException("the filter is empty; give a condition such as name = 'Tân Thuận Tây'");
        }
        Expression expression = parser.orExpression();
        parser.expectEnd();
        return expression;
    }

    private Expression orExpression() {
        enter();
        List<Expression> operands = new ArrayList<>();
        operands.add(andExpression());
        while (peek().isKeyword("OR")) {
            next();
            operands.add(andExpression());
        }
        leave();
        return operands.size() == 1 ? operands.getFirst() : new Expression.Or(operands);
    }

    private Expression andExpression() {
        List<Expression> operands = new ArrayList<>();
        operands.add(notExpression());
        while (peek().isKeyword("AND")) {
            next();
            operands.add(notExpression());
        }
        return operands.size() == 1 ? operands.getFirst() : new Expression.And(operands);
    }

    private Expression notExpression() {
        if (peek().isKeyword("NOT")) {
            next();
            enter();
            Expression operand = notExpression();
            leave();
            return new Expression.Not(operand);
        }
        return primary();
    }

    private Expression primary() {
        Token token = peek();
        if (token.isSymbol("(")) {
            next();
            Expression inner = orExpression();
            expectSymbol(")");
            return inner;
        }
        if (token.kind() == Kind.IDENTIFIER) {
            String name = token.text().toUpperCase(Locale.ROOT);
            if (name.startsWith("S_") && peekAt(1).isSymbol("(")) {
                return spatialPredicate(token);
            }
            if (name.startsWith("T_") && peekAt(1).isSymbol("(")) {
                return temporalPredicate(token);
            }
            if ((name.equals("TRUE") || name.equals("FALSE")) && !isPredicateTail(peekAt(1))) {
                next();
                return new Expression.Literal(Boolean.valueOf(name.equals("TRUE")));
            }
        }
        return predicateTail(scalar());
    }

    /** Reads what follows the left operand of a comparison, LIKE, BETWEEN, IN or IS NULL. */
    private Expression predicateTail(Expression left) {
        Token token = peek();
        if (token.kind() == Kind.SYMBOL) {
            ComparisonOperator operator = ComparisonOperator.ofSymbol(token.text());
            if (operator != null) {
                next();
                return new Expression.Comparison(operator, left, scalar());
            }
        }
        boolean negated = false;
        if (token.isKeyword("NOT")) {
            next();
            negated = true;
            token = peek();
        }
        Expression predicate;
        if (token.isKeyword("LIKE")) {
            next();
            predicate = new Expression.Like(left, scalar());
        } else if (token.isKeyword("BETWEEN")) {
            next();
            Expression low = scalar();
            expectKeyword("AND");
            predicate = new Expression.Between(left, low, scalar());
        } else if (token.isKeyword("IN")) {
            next();
            predicate = new Expression.In(left, list());
        } else if (!negated && token.isKeyword("IS")) {
            next();
            boolean isNot = peek().isKeyword("NOT");
            if (isNot) {
                next();
            }
            expectKeyword("NULL");
            predicate = new Expression.IsNull(left);
            negated = isNot;
        } else {
            throw unexpected(token, negated ? "LIKE, BETWEEN or IN after NOT"
                    : "a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
        }
        return negated ? new Expression.Not(predicate) : predicate;
    }

    private List<Expression> list() {
        expectSymbol("(");
        List<Expression> items = new ArrayList<>();
        items.add(scalar());
        while (peek().isSymbol(",")) {
            next();
            items.add(scalar());
        }
        expectSymbol(")");
        return items;
    }

    private Expression spatialPredicate(Token function) {
        SpatialOperator operator = enumValue(SpatialOperator.class, function, "spatial function",
                "S_INTERSECTS, S_WITHIN, S_CONTAINS, S_DISJOINT, S_EQUALS, S_TOUCHES, S_OVERLAPS, S_CROSSES, S_DWITHIN");
        next();
        expectSymbol("(");
        Expression left = scalar();
        expectSymbol(",");
        Expression right = scalar();
        BigDecimal distance = null;
        if (operator == SpatialOperator.S_DWITHIN) {
            expectSymbol(",");
            Token number = next();
            if (number.kind() != Kind.NUMBER) {
                throw unexpected(number, "a distance in metres");
            }
            distance = number(number);
        }
        expectSymbol(")");
        return new Expression.Spatial(operator, left, right, distance);
    }

    private Expression temporalPredicate(Token function) {
        TemporalOperator operator = enumValue(TemporalOperator.class, function, "temporal function",
                TemporalOperator.names());
        next();
        expectSymbol("(");
        Expression left = scalar();
        expectSymbol(",");
        Expression right = scalar();
        expectSymbol(")");
        return new Expression.Temporal(operator, left, right);
    }

    /** Reads an operand: a literal, a property, a time or geometry literal, or CASEI/ACCENTI of one. */
    private Expression scalar() {
        Token token = next();
        switch (token.kind()) {
            case STRING:
                return new Expression.Literal(token.text());
            case NUMBER:
                return new Expression.Literal(number(token));
            case QUOTED_IDENTIFIER:
                return new Expression.Property(token.text());
            case IDENTIFIER:
                return identifierOperand(token);
            default:
                throw unexpected(token, "a property name, a literal value or a function");
        }
    }

    private Expression identifierOperand(Token token) {
        String name = token.text().toUpperCase(Locale.ROOT);
        boolean call = peek().isSymbol("(");
        if (name.equals("TRUE") || name.equals("FALSE")) {
            return new Expression.Literal(Boolean.valueOf(name.equals("TRUE")));
        }
        if (!call) {
            if (RESERVED.contains(name)) {
                throw unexpected(token, "a property name or a value; quote a property named like a keyword: \""
                        + token.text() + "\"");
            }
            return new Expression.Property(token.text());
        }
        return switch (name) {
            case "CASEI" -> new Expression.CaseInsensitive(singleArgument());
            case "ACCENTI" -> new Expression.AccentInsensitive(singleArgument());
            case "DATE" -> Expression.TimeInstant.of(date(timeText()));
            case "TIMESTAMP" -> Expression.TimeInstant.of(timestamp(timeText()));
            case "INTERVAL" -> interval();
            case "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
                 "GEOMETRYCOLLECTION", "BBOX" -> {
                GeometryBuilder builder = new GeometryBuilder();
                yield builder.build(geometry(name, builder));
            }
            default -> throw new Cql2SyntaxException(token.position(), "function " + token.text()
                    + " is not supported; use CASEI, ACCENTI, DATE, TIMESTAMP, INTERVAL or a geometry literal");
        };
    }

    private Expression singleArgument() {
        expectSymbol("(");
        Expression argument = scalar();
        expectSymbol(")");
        return argument;
    }

    private String timeText() {
        expectSymbol("(");
        Token text = next();
        if (text.kind() != Kind.STRING) {
            throw unexpected(text, "a quoted date or timestamp");
        }
        expectSymbol(")");
        return text.text();
    }

    private Expression interval() {
        expectSymbol("(");
        Expression start = intervalBound();
        expectSymbol(",");
        Expression end = intervalBound();
        expectSymbol(")");
        return checkedInterval(start, end, "INTERVAL");
    }

    /**
     * Returns the interval, rejecting literal bounds in the wrong order. A date end lasts its whole day, so
     * {@code INTERVAL('2025-07-01T10:00:00+07:00', '2025-07-01')} is accepted.
     */
    static Expression.TimeInterval checkedInterval(Expression start, Expression end, String where) {
        if (start instanceof Expression.TimeInstant first && end instanceof Expression.TimeInstant last
                && first.start().isAfter(last.end())) {
            throw new Cql2SyntaxException(where + " starts after it ends; give the earlier bound first");
        }
        return new Expression.TimeInterval(start, end);
    }

    /**
     * Reads an interval bound: {@code '..'} (open), a quoted date or timestamp, DATE(...) / TIMESTAMP(...), or the
     * name of a date or timestamp property.
     */
    private Expression intervalBound() {
        Token token = next();
        if (token.kind() == Kind.STRING) {
            return token.text().equals("..") ? null : instant(token.text());
        }
        if (token.kind() == Kind.QUOTED_IDENTIFIER) {
            return new Expression.Property(token.text());
        }
        if (token.kind() == Kind.IDENTIFIER) {
            String name = token.text().toUpperCase(Locale.ROOT);
            if (!peek().isSymbol("(") && !RESERVED.contains(name)) {
                return new Expression.Property(token.text());
            }
            if (name.equals("DATE")) {
                return Expression.TimeInstant.of(date(timeText()));
            }
            if (name.equals("TIMESTAMP")) {
                return Expression.TimeInstant.of(timestamp(timeText()));
            }
        }
        throw unexpected(token, "an interval bound: '..', a date, a timestamp or a date or timestamp property");
    }

    /** Reads a quoted interval bound: a date when it has the form YYYY-MM-DD, otherwise a timestamp. */
    static Expression.TimeInstant instant(String text) {
        return text.length() == 10 ? Expression.TimeInstant.of(date(text)) : Expression.TimeInstant.of(timestamp(text));
    }

    private String geometry(String type, GeometryBuilder builder) {
        String where = "in " + type;
        return switch (type) {
            case "POINT" -> {
                expectSymbol("(");
                Position position = position(builder, where);
                expectSymbol(")");
                yield builder.point(position);
            }
            case "LINESTRING" -> builder.lineString(positions(builder, where), where);
            case "POLYGON" -> builder.polygon(rings(builder, where), where);
            case "MULTIPOINT" -> builder.multiPoint(multiPointPositions(builder, where));
            case "MULTILINESTRING" -> {
                List<List<Position>> lines = new ArrayList<>();
                expectSymbol("(");
                lines.add(positions(builder, where));
                while (peek().isSymbol(",")) {
                    next();
                    lines.add(positions(builder, where));
                }
                expectSymbol(")");
                yield builder.multiLineString(lines, where);
            }
            case "MULTIPOLYGON" -> {
                List<List<List<Position>>> polygons = new ArrayList<>();
                expectSymbol("(");
                polygons.add(rings(builder, where));
                while (peek().isSymbol(",")) {
                    next();
                    polygons.add(rings(builder, where));
                }
                expectSymbol(")");
                yield builder.multiPolygon(polygons, where);
            }
            case "GEOMETRYCOLLECTION" -> {
                List<String> members = new ArrayList<>();
                expectSymbol("(");
                do {
                    if (!members.isEmpty()) {
                        next();
                    }
                    Token member = next();
                    String memberType = member.text().toUpperCase(Locale.ROOT);
                    if (member.kind() != Kind.IDENTIFIER || memberType.equals("BBOX")
                            || !Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
                            "MULTIPOLYGON", "GEOMETRYCOLLECTION").contains(memberType)) {
                        throw unexpected(member, "a geometry such as POINT(...) in GEOMETRYCOLLECTION");
                    }
                    enter();
                    members.add(geometry(memberType, builder));
                    leave();
                } while (peek().isSymbol(","));
                expectSymbol(")");
                yield builder.collection(members);
            }
            case "BBOX" -> {
                expectSymbol("(");
                List<BigDecimal> values = new ArrayList<>();
                values.add(numberToken());
                while (peek().isSymbol(",")) {
                    next();
                    values.add(numberToken());
                }
                expectSymbol(")");
                yield builder.envelope(values);
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Reads {@code ((x y), (x y))} or the shorter {@code (x y, x y)} of a MULTIPOINT. */
    private List<Position> multiPointPositions(GeometryBuilder builder, String where) {
        expectSymbol("(");
        List<Position> positions = new ArrayList<>();
        do {
            if (!positions.isEmpty()) {
                next();
            }
            if (peek().isSymbol("(")) {
                next();
                positions.add(position(builder, where));
                expectSymbol(")");
            } else {
                positions.add(position(builder, where));
            }
        } while (peek().isSymbol(","));
        expectSymbol(")");
        return positions;
    }

    private List<List<Position>> rings(GeometryBuilder builder, String where) {
        List<List<Position>> rings = new ArrayList<>();
        expectSymbol("(");
        rings.add(positions(builder, where));
        while (peek().isSymbol(",")) {
            next();
            rings.add(positions(builder, where));
        }
        expectSymbol(")");
        return rings;
    }

    private List<Position> positions(GeometryBuilder builder, String where) {
        expectSymbol("(");
        List<Position> positions = new ArrayList<>();
        positions.add(position(builder, where));
        while (peek().isSymbol(",")) {
            next();
            positions.add(position(builder, where));
        }
        expectSymbol(")");
        return positions;
    }

    private Position position(GeometryBuilder builder, String where) {
        List<BigDecimal> ordinates = new ArrayList<>();
        while (peek().kind() == Kind.NUMBER) {
            ordinates.add(number(next()));
        }
        if (ordinates.isEmpty()) {
            throw unexpected(peek(), "coordinates (numbers separated by spaces) " + where);
        }
        return builder.position(ordinates, where);
    }

    private BigDecimal numberToken() {
        Token token = next();
        if (token.kind() != Kind.NUMBER) {
            throw unexpected(token, "a number");
        }
        return number(token);
    }

    private static BigDecimal number(Token token) {
        try {
            return new BigDecimal(token.text());
        } catch (NumberFormatException e) {
            throw new Cql2SyntaxException(token.position(), "'" + token.text() + "' is not a number");
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Cql2SyntaxException("'" + text + "' is not a date; use the form YYYY-MM-DD, e.g. 2025-07-01");
        }
    }

    static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Cql2SyntaxException("'" + text + "' is not an RFC 3339 timestamp with a time zone;"
                    + " use e.g. 2025-07-01T08:00:00+07:00 or 2025-07-01T01:00:00Z");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Token token, String kind, String supported) {
        try {
            return Enum.valueOf(type, token.text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Cql2SyntaxException(token.position(), kind + " " + token.text() + " is not supported; use "
                    + supported);
        }
    }

    private boolean isPredicateTail(Token token) {
        return token.kind() == Kind.SYMBOL && ComparisonOperator.ofSymbol(token.text()) != null
                || token.isKeyword("LIKE") || token.isKeyword("BETWEEN") || token.isKeyword("IN")
                || token.isKeyword("IS") || token.isKeyword("NOT");
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new Cql2SyntaxException(peek().position(), "the filter nests deeper than " + MAX_DEPTH
                    + " levels; simplify it");
        }
    }

    private void leave() {
        depth--;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token, "'" + symbol + "'");
        }
    }

    private void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) {
            throw unexpected(token, keyword);
        }
    }

    private void expectEnd() {
        Token token = peek();
        if (token.kind() != Kind.END) {
            throw unexpected(token, "AND, OR or the end of the filter");
        }
    }

    private static Cql2SyntaxException unexpected(Token token, String expected) {
        return new Cql2SyntaxException(token.position(), "expected " + expected + " but found " + token.describe());
    }
}
