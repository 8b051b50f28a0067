package vn.langso.gis.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeometryCheckTest {

    private static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    @Test
    void bowTieRepairedToMultiPolygon() throws ParseException {
        GeometryCheck.Result result = GeometryCheck.check(
                wkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"), GeometryCheck.Expected.POLYGONAL, "admin-units");

        assertThat(result.isRejected()).isFalse();
        assertThat(result.repairReason()).startsWith("repaired invalid geometry: Self-intersection");
        assertThat(result.geometry().isValid()).isTrue();
        assertThat(result.geometry().getArea()).isEqualTo(2.0);
    }

    @Test
    void collapsedPolygonRejected() throws ParseException {
        GeometryCheck.Result result = GeometryCheck.check(
                wkt("POLYGON ((0 0, 1 1, 2 2, 0 0))"), GeometryCheck.Expected.POLYGONAL, "admin-units");

        assertThat(result.rejectReason()).startsWith("invalid geometry that cannot be repaired");
    }

    @Test
    void typesCheckedPerTarget() throws ParseException {
        assertThat(GeometryCheck.check(wkt("LINESTRING (0 0, 1 1)"), GeometryCheck.Expected.POINT, "cameras").rejectReason())
                .isEqualTo("geometry type LineString is not accepted by cameras; expected Point");
        assertThat(GeometryCheck.check(wkt("POINT (1 1)"), GeometryCheck.Expected.POLYGONAL, "admin-units").rejectReason())
                .isEqualTo("geometry type Point is not accepted by admin-units; expected Polygon or MultiPolygon");
        assertThat(GeometryCheck.check(wkt("MULTIPOINT ((1 1))"), GeometryCheck.Expected.POINT, "cameras").geometry())
                .isEqualTo(wkt("POINT (1 1)"));
        assertThat(GeometryCheck.check(wkt("POINT EMPTY"), GeometryCheck.Expected.POINT, "cameras").rejectReason())
                .isEqualTo("geometry is empty");
        assertThat(GeometryCheck.check(null, GeometryCheck.Expected.POINT, "cameras").rejectReason())
                .isEqualTo("feature has no geometry");
    }
}
