package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.langso.backend.web.Rfc3339;

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

    private final Cql2Tokens tokens;
    private final WktTextReader geometries;

    private Cql2TextParser(String text) {
        this.tokens = new Cql2Tokens(Cql2Lexer.tokenize(text));
        this.geometries = new WktTextReader(tokens);
    }

    /**
     * Parses a whole filter.
     *
     * @throws Cql2SyntaxException with the character position and what was expected
     */
    public static Expression parse(String text) {
        Cql2TextParser parser = new Cql2TextParser(text);
        if (parser.tokens.peek().kind() == Kind.END) {
            throw new Cql2SyntaxException("the filter is empty; give a condition such as name = 'Tân Thuận Tây'");
        }
        Expression expression = parser.orExpression();
        parser.tokens.expectEnd();
        return expression;
    }

    private Expression orExpression() {
        tokens.enter();
        List<Expression> operands = new ArrayList<>();
        operands.add(andExpression());
        while (tokens.peek().isKeyword("OR")) {
            tokens.next();
            operands.add(andExpression());
        }
        tokens.leave();
        return operands.size() == 1 ? operands.getFirst() : new Expression.Or(operands);
    }

    private Expression andExpression() {
        List<Expression> operands = new ArrayList<>();
        operands.add(notExpression());
        while (tokens.peek().isKeyword("AND")) {
            tokens.next();
            operands.add(notExpression());
        }
        return operands.size() == 1 ? operands.getFirst() : new Expression.And(operands);
    }

    private Expression notExpression() {
        if (tokens.peek().isKeyword("NOT")) {
            tokens.next();
            tokens.enter();
            Expression operand = notExpression();
            tokens.leave();
            return new Expression.Not(operand);
        }
        return primary();
    }

    private Expression primary() {
        Token token = tokens.peek();
        if (token.isSymbol("(")) {
            tokens.next();
            Expression inner = orExpression();
            tokens.expectSymbol(")");
            return inner;
        }
        if (token.kind() == Kind.IDENTIFIER) {
            String name = token.text().toUpperCase(Locale.ROOT);
            if (name.startsWith("S_") && tokens.peekAt(1).isSymbol("(")) {
                return spatialPredicate(token);
            }
            if (name.startsWith("T_") && tokens.peekAt(1).isSymbol("(")) {
                return temporalPredicate(token);
            }
            if ((name.equals("TRUE") || name.equals("FALSE")) && !isPredicateTail(tokens.peekAt(1))) {
                tokens.next();
                return new Expression.Literal(Boolean.valueOf(name.equals("TRUE")));
            }
        }
        return predicateTail(scalar());
    }

    /** Reads what follows the left operand of a comparison, LIKE, BETWEEN, IN or IS NULL. */
    private Expression predicateTail(Expression left) {
        Token token = tokens.peek();
        if (token.kind() == Kind.SYMBOL) {
            ComparisonOperator operator = ComparisonOperator.ofSymbol(token.text());
            if (operator != null) {
                tokens.next();
                return new Expression.Comparison(operator, left, scalar());
            }
        }
        boolean negated = false;
        if (token.isKeyword("NOT")) {
            tokens.next();
            negated = true;
            token = tokens.peek();
        }
        Expression predicate;
        if (token.isKeyword("LIKE")) {
            tokens.next();
            predicate = new Expression.Like(left, scalar());
        } else if (token.isKeyword("BETWEEN")) {
            tokens.next();
            Expression low = scalar();
            tokens.expectKeyword("AND");
            predicate = new Expression.Between(left, low, scalar());
        } else if (token.isKeyword("IN")) {
            tokens.next();
            predicate = new Expression.In(left, list());
        } else if (!negated && token.isKeyword("IS")) {
            tokens.next();
            boolean isNot = tokens.peek().isKeyword("NOT");
            if (isNot) {
                tokens.next();
            }
            tokens.expectKeyword("NULL");
            predicate = new Expression.IsNull(left);
            negated = isNot;
        } else {
            throw Cql2Tokens.unexpected(token, negated ? "LIKE, BETWEEN or IN after NOT"
                    : "a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
        }
        return negated ? new Expression.Not(predicate) : predicate;
    }

    private List<Expression> list() {
        tokens.expectSymbol("(");
        List<Expression> items = new ArrayList<>();
        items.add(scalar());
        while (tokens.peek().isSymbol(",")) {
            tokens.next();
            items.add(scalar());
        }
        tokens.expectSymbol(")");
        return items;
    }

    private Expression spatialPredicate(Token function) {
        SpatialOperator operator = enumValue(SpatialOperator.class, function, "spatial function",
                "S_INTERSECTS, S_WITHIN, S_CONTAINS, S_DISJOINT, S_EQUALS, S_TOUCHES, S_OVERLAPS, S_CROSSES, S_DWITHIN");
        tokens.next();
        tokens.expectSymbol("(");
        Expression left = scalar();
        tokens.expectSymbol(",");
        Expression right = scalar();
        BigDecimal distance = null;
        if (operator == SpatialOperator.S_DWITHIN) {
            tokens.expectSymbol(",");
            Token number = tokens.next();
            if (number.kind() != Kind.NUMBER) {
                throw Cql2Tokens.unexpected(number, "a distance in metres");
            }
            distance = Cql2Tokens.number(number);
        }
        tokens.expectSymbol(")");
        return new Expression.Spatial(operator, left, right, distance);
    }

    private Expression temporalPredicate(Token function) {
        TemporalOperator operator = enumValue(TemporalOperator.class, function, "temporal function",
                TemporalOperator.names());
        tokens.next();
        tokens.expectSymbol("(");
        Expression left = scalar();
        tokens.expectSymbol(",");
        Expression right = scalar();
        tokens.expectSymbol(")");
        return new Expression.Temporal(operator, left, right);
    }

    /** Reads an operand: a literal, a property, a time or geometry literal, or CASEI/ACCENTI of one. */
    private Expression scalar() {
        Token token = tokens.next();
        switch (token.kind()) {
            case STRING:
                return new Expression.Literal(token.text());
            case NUMBER:
                return new Expression.Literal(Cql2Tokens.number(token));
            case QUOTED_IDENTIFIER:
                return new Expression.Property(token.text());
            case IDENTIFIER:
                return identifierOperand(token);
            default:
                throw Cql2Tokens.unexpected(token, "a property name, a literal value or a function");
        }
    }

    private Expression identifierOperand(Token token) {
        String name = token.text().toUpperCase(Locale.ROOT);
        boolean call = tokens.peek().isSymbol("(");
        if (name.equals("TRUE") || name.equals("FALSE")) {
            return new Expression.Literal(Boolean.valueOf(name.equals("TRUE")));
        }
        if (!call) {
            if (RESERVED.contains(name)) {
                throw Cql2Tokens.unexpected(token, "a property name or a value; quote a property named like a keyword: \""
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
                yield builder.build(geometries.geometry(name, builder));
            }
            default -> throw new Cql2SyntaxException(token.position(), "function " + token.text()
                    + " is not supported; use CASEI, ACCENTI, DATE, TIMESTAMP, INTERVAL or a geometry literal");
        };
    }

    private Expression singleArgument() {
        tokens.expectSymbol("(");
        Expression argument = scalar();
        tokens.expectSymbol(")");
        return argument;
    }

    private String timeText() {
        tokens.expectSymbol("(");
        Token text = tokens.next();
        if (text.kind() != Kind.STRING) {
            throw Cql2Tokens.unexpected(text, "a quoted date or timestamp");
        }
        tokens.expectSymbol(")");
        return text.text();
    }

    private Expression interval() {
        tokens.expectSymbol("(");
        Expression start = intervalBound();
        tokens.expectSymbol(",");
        Expression end = intervalBound();
        tokens.expectSymbol(")");
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
        Token token = tokens.next();
        if (token.kind() == Kind.STRING) {
            return token.text().equals("..") ? null : instant(token.text());
        }
        if (token.kind() == Kind.QUOTED_IDENTIFIER) {
            return new Expression.Property(token.text());
        }
        if (token.kind() == Kind.IDENTIFIER) {
            String name = token.text().toUpperCase(Locale.ROOT);
            if (!tokens.peek().isSymbol("(") && !RESERVED.contains(name)) {
                return new Expression.Property(token.text());
            }
            if (name.equals("DATE")) {
                return Expression.TimeInstant.of(date(timeText()));
            }
            if (name.equals("TIMESTAMP")) {
                return Expression.TimeInstant.of(timestamp(timeText()));
            }
        }
        throw Cql2Tokens.unexpected(token, "an interval bound: '..', a date, a timestamp or a date or timestamp property");
    }

    /** Reads a quoted interval bound: a date when it has the form YYYY-MM-DD, otherwise a timestamp. */
    static Expression.TimeInstant instant(String text) {
        return text.length() == 10 ? Expression.TimeInstant.of(date(text)) : Expression.TimeInstant.of(timestamp(text));
    }

    static LocalDate date(String text) {
        try {
            return Rfc3339.date(text);
        } catch (DateTimeParseException e) {
            throw new Cql2SyntaxException("'" + text + "' is not a date; use the form YYYY-MM-DD, e.g. 2025-07-01");
        }
    }

    static Instant timestamp(String text) {
        try {
            return Rfc3339.dateTime(text);
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

}
