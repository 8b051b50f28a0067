package vn.langso.backend.ogc.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Writes geometry literals read from CQL2 text (WKT) or JSON (GeoJSON) as canonical WKT, checking what PostGIS would
 * otherwise reject with an error: too few points, open polygon rings, positions without two or three coordinates.
 * Geometries that are not valid in the OGC Simple Features sense, such as self-intersecting rings, are rejected as
 * well, because PostGIS spatial predicates give undefined results on them.
 */
final class GeometryBuilder {

    /**
     * A position: x then y, with an optional z that is kept. The ordinates are the doubles that PostGIS stores, so
     * that a literal such as 1e-99999999 is written as 0 and not as a hundred million digits.
     */
    record Position(List<Double> ordinates) {
        Position {
            ordinates = List.copyOf(ordinates);
        }

        String wkt() {
            return ordinates.stream().map(Position::plain).collect(Collectors.joining(" "));
        }

        double x() {
            return ordinates.get(0);
        }

        double y() {
            return ordinates.get(1);
        }

        /** Writes an ordinate without an exponent, as 105.63 or 2, which both JTS and PostGIS read. */
        private static String plain(double ordinate) {
            return BigDecimal.valueOf(ordinate).stripTrailingZeros().toPlainString();
        }
    }

    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    Position position(List<BigDecimal> ordinates, String where) {
        if (ordinates.size() < 2 || ordinates.size() > 3) {
            throw new Cql2SyntaxException("a position " + where + " has " + ordinates.size()
                    + " coordinates; give x and y (and optionally z)");
        }
        List<Double> values = new ArrayList<>();
        for (BigDecimal ordinate : ordinates) {
            double value = ordinate.doubleValue();
            if (!Double.isFinite(value)) {
                throw new Cql2SyntaxException("a coordinate " + where + " is too large (" + ordinate
                        + "); give coordinates in the range of the filter CRS");
            }
            // Adding 0.0 turns -0.0 into 0.0, so that a ring from (0 0) back to (-0 0) counts as closed.
            values.add(value + 0.0);
        }
        Position position = new Position(values);
        minX = Math.min(minX, position.x());
        minY = Math.min(minY, position.y());
        maxX = Math.max(maxX, position.x());
        maxY = Math.max(maxY, position.y());
        return position;
    }

    String point(Position position) {
        return "POINT(" + position.wkt() + ")";
    }

    String lineString(List<Position> positions, String where) {
        return "LINESTRING" + line(positions, where);
    }

    String polygon(List<List<Position>> rings, String where) {
        return "POLYGON" + rings(rings, where);
    }

    String multiPoint(List<Position> positions, String where) {
        requireMembers(positions, "MultiPoint", "point", where);
        return "MULTIPOINT(" + positions.stream().map(p -> "(" + p.wkt() + ")").collect(Collectors.joining(",")) + ")";
    }

    String multiLineString(List<List<Position>> lines, String where) {
        requireMembers(lines, "MultiLineString", "line", where);
        return "MULTILINESTRING(" + lines.stream().map(line -> line(line, where)).collect(Collectors.joining(",")) + ")";
    }

    String multiPolygon(List<List<List<Position>>> polygons, String where) {
        requireMembers(polygons, "MultiPolygon", "polygon", where);
        return "MULTIPOLYGON(" + polygons.stream().map(rings -> rings(rings, where)).collect(Collectors.joining(","))
                + ")";
    }

    String collection(List<String> members, String where) {
        requireMembers(members, "GeometryCollection", "geometry", where);
        return "GEOMETRYCOLLECTION(" + String.join(",", members) + ")";
    }

    /**
     * Writes {@code BBOX(west, south, east, north)} as a polygon, or as a point or a line when the box has no width or
     * height, because a polygon whose corners coincide is not a valid geometry.
     */
    String envelope(List<BigDecimal> values) {
        if (values.size() != 4 && values.size() != 6) {
            throw new Cql2SyntaxException("BBOX has " + values.size() + " numbers; give west, south, east, north");
        }
        boolean threeDimensional = values.size() == 6;
        BigDecimal west = values.get(0);
        BigDecimal south = values.get(1);
        BigDecimal east = values.get(threeDimensional ? 3 : 2);
        BigDecimal north = values.get(threeDimensional ? 4 : 3);
        if (west.compareTo(east) > 0 || south.compareTo(north) > 0) {
            throw new Cql2SyntaxException("BBOX(" + west + ", " + south + ", " + east + ", " + north
                    + ") has west > east or south > north; for a box across the antimeridian use two boxes joined by OR");
        }
        Position southWest = position(List.of(west, south), "in BBOX");
        Position northEast = position(List.of(east, north), "in BBOX");
        // Compared as the doubles written, because corners that differ only beyond a double's precision coincide.
        boolean noWidth = southWest.x() == northEast.x();
        boolean noHeight = southWest.y() == northEast.y();
        if (noWidth && noHeight) {
            return point(southWest);
        }
        if (noWidth || noHeight) {
            return lineString(List.of(southWest, northEast), "in BBOX");
        }
        Position southEast = position(List.of(east, south), "in BBOX");
        Position northWest = position(List.of(west, north), "in BBOX");
        return polygon(List.of(List.of(southWest, southEast, northEast, northWest, southWest)), "in BBOX");
    }

    /**
     * Builds the geometry literal from WKT written by this builder.
     *
     * @throws Cql2SyntaxException when the geometry is not valid, naming the error and where it is
     */
    Expression.Geometry build(String wkt) {
        requireValid(wkt);
        return new Expression.Geometry(wkt, minX, minY, maxX, maxY);
    }

    private static void requireValid(String wkt) {
        Geometry geometry;
        try {
            geometry = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("The geometry builder wrote WKT that JTS cannot read: " + wkt, e);
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            String where = at == null ? "" : " at (" + at.x + " " + at.y + ")";
            throw new Cql2SyntaxException("a " + geometry.getGeometryType() + " is not a valid geometry: "
                    + error.getMessage() + where + "; give rings whose edges do not cross and holes inside their shell");
        }
    }

    private static boolean samePosition(Position first, Position last) {
        return first.ordinates().equals(last.ordinates());
    }

    /** Rejects a multi-geometry without members, whose WKT neither JTS nor PostGIS reads. */
    private static void requireMembers(List<?> members, String type, String member, String where) {
        if (members.isEmpty()) {
            throw new Cql2SyntaxException("a " + type + " " + where + " has no " + member + "; give at least one");
        }
    }

    private static String line(List<Position> positions, String where) {
        if (positions.size() < 2) {
            throw new Cql2SyntaxException("a line " + where + " has " + positions.size() + " position(s); give at least 2");
        }
        return "(" + positions.stream().map(Position::wkt).collect(Collectors.joining(",")) + ")";
    }

    private static String rings(List<List<Position>> rings, String where) {
        if (rings.isEmpty()) {
            throw new Cql2SyntaxException("a polygon " + where + " has no ring");
        }
        for (List<Position> ring : rings) {
            if (ring.size() < 4) {
                throw new Cql2SyntaxException("a polygon ring " + where + " has " + ring.size()
                        + " positions; give at least 4, the last equal to the first");
            }
            if (!samePosition(ring.getFirst(), ring.getLast())) {
                throw new Cql2SyntaxException("a polygon ring " + where + " is not closed; repeat the first position ("
                        + ring.getFirst().wkt() + ") at the end");
            }
        }
        return "(" + rings.stream().map(ring -> line(ring, where)).collect(Collectors.joining(",")) + ")";
    }
}
