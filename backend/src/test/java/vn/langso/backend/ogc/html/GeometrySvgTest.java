package vn.langso.backend.ogc.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.ogc.crs.SupportedCrs;

class GeometrySvgTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d");

    private static String draw(SupportedCrs crs, String... geometries) {
        List<GeometrySvg.Shape> shapes = Arrays.stream(geometries)
                .map(geometry -> new GeometrySvg.Shape(JSON.readTree(geometry), "/ogc/collections/x/items/1?f=html",
                        "<b>name</b>"))
                .toList();
        HtmlBuilder html = new HtmlBuilder(false);
        return GeometrySvg.append(html, shapes, crs, "Map") ? html.toString() : null;
    }

    @Test
    void pointsAreCircles() {
        String svg = draw(SupportedCrs.CRS84, "{\"type\":\"Point\",\"coordinates\":[105.6,10.4]}",
                "{\"type\":\"MultiPoint\",\"coordinates\":[[105.7,10.5],[105.8,10.6]]}");

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\"");
        assertThat(svg.split("<circle ", -1)).hasSize(4);
        assertThat(svg).contains("<a href=\"/ogc/collections/x/items/1?f=html\"><title>&lt;b&gt;name&lt;/b&gt;</title>");
    }

    @Test
    void singlePointIsCentred() {
        String svg = draw(SupportedCrs.CRS84, "{\"type\":\"Point\",\"coordinates\":[105.6,10.4]}");

        assertThat(svg).contains("cx=\"320.0\" cy=\"200.0\"");
    }

    @Test
    void polygonWithHoleIsOnePath() {
        String svg = draw(SupportedCrs.CRS84, """
                {"type":"Polygon","coordinates":[
                  [[105,10],[106,10],[106,11],[105,11],[105,10]],
                  [[105.4,10.4],[105.6,10.4],[105.6,10.6],[105.4,10.6],[105.4,10.4]]]}""");

        assertThat(svg.split("<path ", -1)).hasSize(2);
        assertThat(svg).containsPattern("d=\"M[^\"]+ Z M[^\"]+ Z\"");
    }

    @Test
    void linesArePolylines() {
        String svg = draw(SupportedCrs.CRS84,
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[105,10],[106,11]],[[105,11],[106,10]]]}");

        assertThat(svg.split("<polyline ", -1)).hasSize(3);
    }

    @Test
    void everyCoordinateInsideBox() {
        String svg = draw(SupportedCrs.CRS84,
                "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[179.5,5]},"
                        + "{\"type\":\"Point\",\"coordinates\":[-179.5,-89.9]},"
                        + "{\"type\":\"LineString\",\"coordinates\":[[0,0],[10,85]]}]}");

        Matcher numbers = NUMBER.matcher(svg.substring(svg.indexOf("<circle")));
        while (numbers.find()) {
            assertThat(Double.parseDouble(numbers.group())).isBetween(0.0, 640.0);
        }
    }

    @Test
    void latitudeFirstAxesSwapped() {
        String lonLat = draw(SupportedCrs.CRS84, "{\"type\":\"LineString\",\"coordinates\":[[105,10],[106,10.1]]}");
        String latLon = draw(SupportedCrs.WGS84_LAT_LON, "{\"type\":\"LineString\",\"coordinates\":[[10,105],[10.1,106]]}");

        assertThat(latLon).isEqualTo(lonLat);
    }

    @Test
    void projectedCoordinatesDrawnAsTheyAre() {
        String svg = draw(SupportedCrs.VN2000_UTM_48N,
                "{\"type\":\"Point\",\"coordinates\":[570000,1150000]}", "{\"type\":\"Point\",\"coordinates\":[580000,1160000]}");

        assertThat(svg.split("<circle ", -1)).hasSize(3);
    }

    @Test
    void tinyPolygonBecomesDot() {
        String svg = draw(SupportedCrs.CRS84,
                "{\"type\":\"Point\",\"coordinates\":[100,0]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[110,10],[110.0000001,10],[110,10.0000001],[110,10]]]}");

        assertThat(svg).doesNotContain("<path ");
        assertThat(svg.split("<circle ", -1)).hasSize(3);
    }

    @Test
    void nothingDrawnWithoutCoordinates() {
        assertThat(draw(SupportedCrs.CRS84)).isNull();
        assertThat(draw(SupportedCrs.CRS84, "null", "{\"type\":\"Point\",\"coordinates\":[]}",
                "{\"type\":\"Point\",\"coordinates\":[\"a\",1]}", "{\"type\":\"Curve\",\"coordinates\":[1,2]}",
                "{\"type\":\"Point\",\"coordinates\":[200,95]}")).isNull();
    }

    @Test
    void verticesThinnedToDrawingSize() {
        StringBuilder ring = new StringBuilder("[[105,10]");
        for (int i = 1; i < 20_000; i++) {
            ring.append(",[").append(105 + i / 20_000.0).append(",10]");
        }
        ring.append(",[106,11],[105,11],[105,10]]");

        String svg = draw(SupportedCrs.CRS84, "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}");

        assertThat(svg.split(" L", -1).length).isLessThan(1_000);
    }

    @Test
    void numbersHaveOneDecimal() {
        assertThat(GeometrySvg.number(12.345)).isEqualTo("12.3");
        assertThat(GeometrySvg.number(0)).isEqualTo("0.0");
        assertThat(GeometrySvg.number(-0.04)).isEqualTo("0.0");
        assertThat(GeometrySvg.number(-1.25)).isEqualTo("-1.2");
        assertThat(GeometrySvg.number(640)).isEqualTo("640.0");
    }

    @Test
    void projectsToWebMercator() {
        JsonNode position = JSON.readTree("[180, 85.05112878]");

        double[] projected = GeometrySvg.project(position, SupportedCrs.CRS84);

        assertThat(projected[0]).isCloseTo(Math.PI, offset(1e-9));
        assertThat(projected[1]).isCloseTo(Math.PI, offset(1e-6));
    }
}
