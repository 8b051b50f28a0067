package vn.langso.gis.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class VietnamBoundsTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private static Point point(double longitude, double latitude) {
        return FACTORY.createPoint(new Coordinate(longitude, latitude));
    }

    @Test
    void placesInsideVietnam() {
        assertThat(VietnamBounds.place(point(105.6329, 10.4603))).as("Cao Lãnh").isEqualTo(VietnamBounds.INSIDE);
        assertThat(VietnamBounds.place(point(105.8342, 21.0278))).as("Hà Nội").isEqualTo(VietnamBounds.INSIDE);
        assertThat(VietnamBounds.place(point(103.97, 10.22))).as("Phú Quốc").isEqualTo(VietnamBounds.INSIDE);
        assertThat(VietnamBounds.place(point(106.61, 8.68))).as("Côn Đảo").isEqualTo(VietnamBounds.INSIDE);
        assertThat(VietnamBounds.place(point(112.33, 16.83))).as("Hoàng Sa").isEqualTo(VietnamBounds.INSIDE);
        assertThat(VietnamBounds.place(point(114.33, 8.65))).as("Trường Sa").isEqualTo(VietnamBounds.INSIDE);
    }

    @Test
    void swappedAxesDetected() {
        assertThat(VietnamBounds.place(point(10.4603, 105.6329))).isEqualTo(VietnamBounds.SWAPPED);
        assertThat(VietnamBounds.place(point(21.0278, 105.8342))).isEqualTo(VietnamBounds.SWAPPED);
    }

    @Test
    void placesOutside() {
        assertThat(VietnamBounds.place(point(100.50, 13.75))).as("Bangkok").isEqualTo(VietnamBounds.OUTSIDE);
        assertThat(VietnamBounds.place(point(2.35, 48.85))).as("Paris").isEqualTo(VietnamBounds.OUTSIDE);
        assertThat(VietnamBounds.place(point(0, 0))).isEqualTo(VietnamBounds.OUTSIDE);
        assertThat(VietnamBounds.place(point(-105.63, 10.46))).as("sign lost").isEqualTo(VietnamBounds.OUTSIDE);
        assertThat(VietnamBounds.place(point(569067.87, 1156486.59))).as("metres read as degrees").isEqualTo(VietnamBounds.OUTSIDE);
    }

    @Test
    void geometryPartlyOutsideIsOutside() {
        var line = FACTORY.createLineString(new Coordinate[] {new Coordinate(105.6, 10.4), new Coordinate(100.0, 10.4)});

        assertThat(VietnamBounds.place(line)).isEqualTo(VietnamBounds.OUTSIDE);
    }
}
