package vn.langso.gis.read;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/** Builds JTS geometries from GeoJSON geometry objects (RFC 7946 section 3.1), x = longitude or easting. */
final class GeoJsonGeometries {

    /** A geometry object that does not follow RFC 7946; the message names the part and the reason. */
    static final class InvalidGeometryException extends Exception {
        InvalidGeometryException(String message) {
            super(message);
        }
    }

    private final GeometryFactory factory;

    GeoJsonGeometries(GeometryFactory factory) {
        this.factory = factory;
    }

    Geometry parse(JsonNode node) throws InvalidGeometryException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidGeometryException("geometry is not a JSON object");
        }
        String type = node.path("type").isString() ? node.path("type").stringValue() : "";
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.path("geometries");
            if (!members.isArray()) {
                throw new InvalidGeometryException("GeometryCollection has no 'geometries' array");
            }
            List<Geometry> parts = new ArrayList<>();
            for (JsonNode member : members) {
                parts.add(parse(member));
            }
            return factory.createGeometryCollection(parts.toArray(Geometry[]::new));
        }
        JsonNode coordinates = node.path("coordinates");
        if (!coordinates.isArray()) {
            throw new InvalidGeometryException(type.isEmpty() ? "geometry has no 'type'" : type + " has no 'coordinates' array");
        }
        return switch (type) {
            case "Point" -> point(coordinates);
            case "MultiPoint" -> factory.createMultiPoint(points(coordinates));
            case "LineString" -> lineString(coordinates);
            case "MultiLineString" -> factory.createMultiLineString(lineStrings(coordinates));
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> factory.createMultiPolygon(polygons(coordinates));
            default -> throw new InvalidGeometryException("unknown geometry type '" + type
                    + "'; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection");
        };
    }

    private Coordinate coordinate(JsonNode position) throws InvalidGeometryException {
        if (!position.isArray() || position.size() < 2) {
            throw new InvalidGeometryException("position " + position + " is not an array of at least two numbers");
        }
        JsonNode x = position.get(0);
        JsonNode y = position.get(1);
        if (!x.isNumber() || !y.isNumber()) {
            throw new InvalidGeometryException("coordinate " + position + " is not numeric");
        }
        double xValue = x.doubleValue();
        double yValue = y.doubleValue();
        if (!Double.isFinite(xValue) || !Double.isFinite(yValue)) {
            throw new InvalidGeometryException("coordinate " + position + " is not a finite number");
        }
        return new Coordinate(xValue, yValue);
    }

    private Coordinate[] coordinates(JsonNode positions) throws InvalidGeometryException {
        if (!positions.isArray()) {
            throw new InvalidGeometryException("expected an array of positions, found " + positions);
        }
        Coordinate[] result = new Coordinate[positions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = coordinate(positions.get(i));
        }
        return result;
    }

    private Point point(JsonNode position) throws InvalidGeometryException {
        return factory.createPoint(coordinate(position));
    }

    private Point[] points(JsonNode positions) throws InvalidGeometryException {
        Coordinate[] coordinates = coordinates(positions);
        Point[] points = new Point[coordinates.length];
        for (int i = 0; i < coordinates.length; i++) {
            points[i] = factory.createPoint(coordinates[i]);
        }
        return points;
    }

    private LineString lineString(JsonNode positions) throws InvalidGeometryException {
        Coordinate[] coordinates = coordinates(positions);
        if (coordinates.length < 2) {
            throw new InvalidGeometryException("LineString has fewer than 2 positions");
        }
        return factory.createLineString(coordinates);
    }

    private LineString[] lineStrings(JsonNode lines) throws InvalidGeometryException {
        LineString[] result = new LineString[lines.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = lineString(lines.get(i));
        }
        return result;
    }

    private LinearRing ring(JsonNode positions) throws InvalidGeometryException {
        Coordinate[] coordinates = coordinates(positions);
        if (coordinates.length < 4) {
            throw new InvalidGeometryException("polygon ring has " + coordinates.length + " positions; a closed ring needs at least 4");
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new InvalidGeometryException("polygon ring is not closed: first position " + positions.get(0)
                    + " differs from the last " + positions.get(coordinates.length - 1));
        }
        return factory.createLinearRing(coordinates);
    }

    private Polygon polygon(JsonNode rings) throws InvalidGeometryException {
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private Polygon[] polygons(JsonNode polygons) throws InvalidGeometryException {
        Polygon[] result = new Polygon[polygons.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = polygon(polygons.get(i));
        }
        return result;
    }
}
