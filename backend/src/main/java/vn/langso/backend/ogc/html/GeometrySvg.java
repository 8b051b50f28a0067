package vn.langso.backend.ogc.html;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ogc.crs.SupportedCrs;

/**
 * A small inline SVG map of GeoJSON geometries, drawn on the server so that the page needs no script and no tile
 * server. Longitude and latitude are projected to Web Mercator, as web maps show them. Coordinates of a projected CRS
 * (EPSG:3857, VN-2000 / UTM 48N) are drawn as they are. The drawing is fitted to the geometries' bounds. Vertices
 * closer than {@link #MIN_STEP} to the previous one are dropped, so the size of the SVG grows with the size of the
 * drawing rather than with the number of vertices.
 */
final class GeometrySvg {

    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    private static final double PADDING = 16;
    private static final double POINT_RADIUS = 4;
    /** The smallest distance in SVG units between two vertices that are both drawn. */
    private static final double MIN_STEP = 0.75;
    /** Web Mercator's latitude limit, where the projected map becomes a square. */
    private static final double MAX_LATITUDE = 85.05112878;
    /** Nesting of geometry collections beyond this is not drawn. */
    private static final int MAX_DEPTH = 8;

    /**
     * One feature to draw.
     *
     * @param geometry the GeoJSON geometry, which may be null or of an unknown type
     * @param href     the page of the feature, or null
     * @param title    the text shown when the pointer rests on the feature
     */
    record Shape(JsonNode geometry, String href, String title) {
    }

    /** A point, a line or a polygon, in projected coordinates. */
    private sealed interface Part permits PointPart, LinePart, PolygonPart {
    }

    private record PointPart(double[] point) implements Part {
    }

    private record LinePart(List<double[]> points) implements Part {
    }

    private record PolygonPart(List<List<double[]>> rings) implements Part {
    }

    private GeometrySvg() {
    }

    /**
     * Appends the map of {@code shapes} with {@code description} as its accessible name, and returns true; appends
     * nothing and returns false when no shape has a coordinate to draw.
     */
    static boolean append(HtmlBuilder html, List<Shape> shapes, SupportedCrs crs, String description) {
        List<List<Part>> parts = new ArrayList<>();
        Bounds bounds = new Bounds();
        for (Shape shape : shapes) {
            List<Part> shapeParts = new ArrayList<>();
            addParts(shapeParts, shape.geometry(), crs, 0);
            shapeParts.forEach(bounds::include);
            parts.add(shapeParts);
        }
        if (bounds.isEmpty()) {
            return false;
        }

        Fit fit = new Fit(bounds);
        html.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                        + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" role=\"img\" aria-label=\"")
                .text(description).raw("\">\n<title>").text(description).raw("</title>");
        for (int i = 0; i < shapes.size(); i++) {
            if (parts.get(i).isEmpty()) {
                continue;
            }
            Shape shape = shapes.get(i);
            boolean linked = html.openLink(shape.href());
            if (!linked) {
                html.raw("<g>");
            }
            html.raw("<title>").text(shape.title()).raw("</title>");
            for (Part part : parts.get(i)) {
                appendPart(html, part, fit);
            }
            html.raw(linked ? "</a>\n" : "</g>\n");
        }
        html.raw("</svg>");
        return true;
    }

    private static void addParts(List<Part> parts, JsonNode geometry, SupportedCrs crs, int depth) {
        if (geometry == null || !geometry.isObject() || depth > MAX_DEPTH) {
            return;
        }
        JsonNode coordinates = geometry.path("coordinates");
        switch (geometry.path("type").asString("")) {
            case "Point" -> addPoint(parts, coordinates, crs);
            case "MultiPoint" -> coordinates.forEach(point -> addPoint(parts, point, crs));
            case "LineString" -> addLine(parts, coordinates, crs);
            case "MultiLineString" -> coordinates.forEach(line -> addLine(parts, line, crs));
            case "Polygon" -> addPolygon(parts, coordinates, crs);
            case "MultiPolygon" -> coordinates.forEach(polygon -> addPolygon(parts, polygon, crs));
            case "GeometryCollection" -> geometry.path("geometries")
                    .forEach(member -> addParts(parts, member, crs, depth + 1));
            default -> {
                // An unknown type is not drawn; the table still lists the feature.
            }
        }
    }

    private static void addPoint(List<Part> parts, JsonNode position, SupportedCrs crs) {
        double[] point = project(position, crs);
        if (point != null) {
            parts.add(new PointPart(point));
        }
    }

    private static void addLine(List<Part> parts, JsonNode positions, SupportedCrs crs) {
        List<double[]> points = projectAll(positions, crs);
        if (!points.isEmpty()) {
            parts.add(new LinePart(points));
        }
    }

    private static void addPolygon(List<Part> parts, JsonNode rings, SupportedCrs crs) {
        List<List<double[]>> projected = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<double[]> points = projectAll(ring, crs);
            if (!points.isEmpty()) {
                projected.add(points);
            }
        }
        if (!projected.isEmpty()) {
            parts.add(new PolygonPart(projected));
        }
    }

    private static List<double[]> projectAll(JsonNode positions, SupportedCrs crs) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode position : positions) {
            double[] point = project(position, crs);
            if (point != null) {
                points.add(point);
            }
        }
        return points;
    }

    /**
     * Projects a GeoJSON position to map coordinates with y pointing north, or returns null when it is not a pair of
     * finite numbers (or, for degrees, not a valid longitude and latitude).
     */
    static double[] project(JsonNode position, SupportedCrs crs) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            return null;
        }
        double first = position.get(0).asDouble();
        double second = position.get(1).asDouble();
        if (!Double.isFinite(first) || !Double.isFinite(second)) {
            return null;
        }
        if (crs != null && crs.srid() != 4326) {
            return new double[] {first, second};
        }
        double longitude = crs != null && crs.latitudeFirst() ? second : first;
        double latitude = crs != null && crs.latitudeFirst() ? first : second;
        if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
            return null;
        }
        double clamped = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        return new double[] {Math.toRadians(longitude), Math.log(Math.tan(Math.PI / 4 + clamped / 2))};
    }

    private static void appendPart(HtmlBuilder html, Part part, Fit fit) {
        switch (part) {
            case PointPart point -> appendCircle(html, fit.apply(point.point()));
            case LinePart line -> {
                List<double[]> points = fit.thin(line.points());
                if (points.size() < 2) {
                    appendCircle(html, points.getFirst());
                    return;
                }
                html.raw("<polyline class=\"line\" points=\"");
                for (int i = 0; i < points.size(); i++) {
                    html.raw(i == 0 ? "" : " ").raw(number(points.get(i)[0])).raw(",").raw(number(points.get(i)[1]));
                }
                html.raw("\"/>");
            }
            case PolygonPart polygon -> appendPolygon(html, polygon, fit);
        }
    }

    /** Appends a polygon as one path with a subpath per ring; one that shrinks below three vertices becomes a dot. */
    private static void appendPolygon(HtmlBuilder html, PolygonPart polygon, Fit fit) {
        List<double[]> exterior = fit.thin(polygon.rings().getFirst());
        if (exterior.size() < 3) {
            appendCircle(html, exterior.getFirst());
            return;
        }
        StringBuilder path = new StringBuilder();
        appendRing(path, exterior);
        for (List<double[]> hole : polygon.rings().subList(1, polygon.rings().size())) {
            List<double[]> points = fit.thin(hole);
            if (points.size() >= 3) {
                appendRing(path, points);
            }
        }
        html.raw("<path class=\"area\" d=\"").raw(path.toString()).raw("\"/>");
    }

    private static void appendRing(StringBuilder path, List<double[]> points) {
        if (!path.isEmpty()) {
            path.append(' ');
        }
        for (int i = 0; i < points.size(); i++) {
            path.append(i == 0 ? "M" : " L");
            path.append(number(points.get(i)[0])).append(',').append(number(points.get(i)[1]));
        }
        path.append(" Z");
    }

    private static void appendCircle(HtmlBuilder html, double[] point) {
        html.raw("<circle class=\"point\" cx=\"").raw(number(point[0])).raw("\" cy=\"").raw(number(point[1]))
                .raw("\" r=\"").raw(number(POINT_RADIUS)).raw("\"/>");
    }

    /** Writes an SVG coordinate with one decimal, a tenth of a unit, without an exponent. */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths) / 10;
        return (tenths < 0 ? "-" : "") + whole + "." + Math.abs(tenths) % 10;
    }

    /** The bounds of the projected coordinates. */
    private static final class Bounds {

        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;

        void include(Part part) {
            switch (part) {
                case PointPart point -> include(point.point());
                case LinePart line -> line.points().forEach(this::include);
                case PolygonPart polygon -> polygon.rings().forEach(ring -> ring.forEach(this::include));
            }
        }

        void include(double[] point) {
            minX = Math.min(minX, point[0]);
            minY = Math.min(minY, point[1]);
            maxX = Math.max(maxX, point[0]);
            maxY = Math.max(maxY, point[1]);
        }

        boolean isEmpty() {
            return minX > maxX;
        }
    }

    /** Maps projected coordinates into the SVG box: one scale for both axes, centred, with y pointing down. */
    private static final class Fit {

        private final double minX;
        private final double minY;
        private final double scale;
        private final double offsetX;
        private final double offsetY;

        Fit(Bounds bounds) {
            double innerWidth = WIDTH - 2 * PADDING;
            double innerHeight = HEIGHT - 2 * PADDING;
            double width = bounds.maxX - bounds.minX;
            double height = bounds.maxY - bounds.minY;
            // A single point, or points on one line, has no extent on an axis: that axis does not limit the scale.
            double scaleX = width > 0 ? innerWidth / width : Double.POSITIVE_INFINITY;
            double scaleY = height > 0 ? innerHeight / height : Double.POSITIVE_INFINITY;
            double fitted = Math.min(scaleX, scaleY);
            this.scale = Double.isInfinite(fitted) ? 1 : fitted;
            this.minX = bounds.minX;
            this.minY = bounds.minY;
            this.offsetX = PADDING + (innerWidth - width * scale) / 2;
            this.offsetY = PADDING + (innerHeight - height * scale) / 2;
        }

        double[] apply(double[] point) {
            return new double[] {offsetX + (point[0] - minX) * scale, HEIGHT - (offsetY + (point[1] - minY) * scale)};
        }

        /** Maps the points and drops each one within {@link #MIN_STEP} of the previous retained point. */
        List<double[]> thin(List<double[]> points) {
            List<double[]> retained = new ArrayList<>();
            double[] last = null;
            for (double[] point : points) {
                double[] mapped = apply(point);
                if (last == null || Math.hypot(mapped[0] - last[0], mapped[1] - last[1]) >= MIN_STEP) {
                    retained.add(mapped);
                    last = mapped;
                }
            }
            return retained;
        }
    }
}
