package vn.langso.gis.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Decides whether a place lies in the province: inside a current commune, or within the 300 m that the
 * schema's {@code current_commune_at} allows for gaps between simplified commune polygons. A rectangle around
 * Vietnam lets through points in Cambodia or in the sea; the communes do not. Until current communes are
 * imported there is nothing to check against, so every place is accepted.
 */
final class ProvinceCoverage {

    private final PreparedStatement communeAt;
    private final boolean active;

    ProvinceCoverage(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT EXISTS (SELECT 1 FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL)")) {
            row.next();
            this.active = row.getBoolean(1);
        }
        this.communeAt = active
                ? connection.prepareStatement("SELECT current_commune_at(ST_GeomFromWKB(?, 4326))")
                : null;
    }

    /** Returns null when the point is in the province (or no communes exist yet), otherwise the reason to reject it. */
    String problem(Geometry wgs84Point) throws SQLException {
        if (!active) {
            return null;
        }
        communeAt.setBytes(1, new WKBWriter(2).write(wgs84Point));
        try (ResultSet row = communeAt.executeQuery()) {
            row.next();
            if (row.getString(1) != null) {
                return null;
            }
        }
        return "outside the province: (" + wgs84Point.getCoordinate().x + " " + wgs84Point.getCoordinate().y
                + ") is in no current commune nor within 300 m of one; check the coordinates, or import the"
                + " administrative units that cover this place first";
    }
}
