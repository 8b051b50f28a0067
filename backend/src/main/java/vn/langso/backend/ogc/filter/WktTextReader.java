package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.langso.backend.ogc.filter.Cql2Lexer.Kind;
import vn.langso.backend.ogc.filter.Cql2Lexer.Token;
import vn.langso.backend.ogc.filter.GeometryBuilder.Position;

/**
 * Reads the geometry literals of CQL2 text (the WKT types and BBOX) from the filter's tokens. The coordinates
 * go to a {@link GeometryBuilder}, which checks them and writes the WKT that is bound as a parameter.
 */
final class WktTextReader {

    private final Cql2Tokens tokens;

    WktTextReader(Cql2Tokens tokens) {
        this.tokens = tokens;
    }

    /** Reads the geometry of {@code type} whose name was just read, and returns it as WKT for the builder. */
    String geometry(String type, GeometryBuilder builder) {
        String where = "in " + type;
        return switch (type) {
            case "POINT" -> {
                tokens.expectSymbol("(");
                Position position = position(builder, where);
                tokens.expectSymbol(")");
                yield builder.point(position);
            }
            case "LINESTRING" -> builder.lineString(positions(builder, where), where);
            case "POLYGON" -> builder.polygon(rings(builder, where), where);
            case "MULTIPOINT" -> builder.multiPoint(multiPointPositions(builder, where), where);
            case "MULTILINESTRING" -> {
                List<List<Position>> lines = new ArrayList<>();
                tokens.expectSymbol("(");
                lines.add(positions(builder, where));
                while (tokens.peek().isSymbol(",")) {
                    tokens.next();
                    lines.add(positions(builder, where));
                }
                tokens.expectSymbol(")");
                yield builder.multiLineString(lines, where);
            }
            case "MULTIPOLYGON" -> {
                List<List<List<Position>>> polygons = new ArrayList<>();
                tokens.expectSymbol("(");
                polygons.add(rings(builder, where));
                while (tokens.peek().isSymbol(",")) {
                    tokens.next();
                    polygons.add(rings(builder, where));
                }
                tokens.expectSymbol(")");
                yield builder.multiPolygon(polygons, where);
            }
            case "GEOMETRYCOLLECTION" -> {
                List<String> members = new ArrayList<>();
                tokens.expectSymbol("(");
                do {
                    if (!members.isEmpty()) {
                        tokens.next();
                    }
                    Token member = tokens.next();
                    String memberType = member.text().toUpperCase(Locale.ROOT);
                    if (member.kind() != Kind.IDENTIFIER || memberType.equals("BBOX")
                            || !Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
                            "MULTIPOLYGON", "GEOMETRYCOLLECTION").contains(memberType)) {
                        throw Cql2Tokens.unexpected(member, "a geometry such as POINT(...) in GEOMETRYCOLLECTION");
                    }
                    tokens.enter();
                    members.add(geometry(memberType, builder));
                    tokens.leave();
                } while (tokens.peek().isSymbol(","));
                tokens.expectSymbol(")");
                yield builder.collection(members, where);
            }
            case "BBOX" -> {
                tokens.expectSymbol("(");
                List<BigDecimal> values = new ArrayList<>();
                values.add(tokens.numberToken());
                while (tokens.peek().isSymbol(",")) {
                    tokens.next();
                    values.add(tokens.numberToken());
                }
                tokens.expectSymbol(")");
                yield builder.envelope(values);
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Reads {@code ((x y), (x y))} or the shorter {@code (x y, x y)} of a MULTIPOINT. */
    private List<Position> multiPointPositions(GeometryBuilder builder, String where) {
        tokens.expectSymbol("(");
        List<Position> positions = new ArrayList<>();
        do {
            if (!positions.isEmpty()) {
                tokens.next();
            }
            if (tokens.peek().isSymbol("(")) {
                tokens.next();
                positions.add(position(builder, where));
                tokens.expectSymbol(")");
            } else {
                positions.add(position(builder, where));
            }
        } while (tokens.peek().isSymbol(","));
        tokens.expectSymbol(")");
        return positions;
    }

    private List<List<Position>> rings(GeometryBuilder builder, String where) {
        List<List<Position>> rings = new ArrayList<>();
        tokens.expectSymbol("(");
        rings.add(positions(builder, where));
        while (tokens.peek().isSymbol(",")) {
            tokens.next();
            rings.add(positions(builder, where));
        }
        tokens.expectSymbol(")");
        return rings;
    }

    private List<Position> positions(GeometryBuilder builder, String where) {
        tokens.expectSymbol("(");
        List<Position> positions = new ArrayList<>();
        positions.add(position(builder, where));
        while (tokens.peek().isSymbol(",")) {
            tokens.next();
            positions.add(position(builder, where));
        }
        tokens.expectSymbol(")");
        return positions;
    }

    private Position position(GeometryBuilder builder, String where) {
        List<BigDecimal> ordinates = new ArrayList<>();
        while (tokens.peek().kind() == Kind.NUMBER) {
            ordinates.add(Cql2Tokens.number(tokens.next()));
        }
        if (ordinates.isEmpty()) {
            throw Cql2Tokens.unexpected(tokens.peek(), "coordinates (numbers separated by spaces) " + where);
        }
        return builder.position(ordinates, where);
    }
}
