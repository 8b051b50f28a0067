package vn.langso.gis.imports;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Transforms geometries to WGS 84 in PostGIS, one statement per batch. PostGIS (PROJ) is the reference
 * for VN-2000: it picks the transformation that fits the area, which generic Java libraries do not.
 */
final class CoordinateTransformer {

    static final int WGS84 = 4326;

    private static final String TRANSFORM_SQL = """
            SELECT ST_AsBinary(ST_Transform(ST_GeomFromWKB(decode(t.wkb, 'hex'), t.srid), 4326))
              FROM unnest(?::text[], ?::int[]) WITH ORDINALITY AS t(wkb, srid, position)
             ORDER BY t.position""";

    private final Connection connection;
    private final Set<Integer> knownSrids = new HashSet<>(Set.of(WGS84));

    CoordinateTransformer(Connection connection) {
        this.connection = connection;
    }

    /**
     * Checks that spatial_ref_sys contains an SRID.
     *
     * @throws IllegalArgumentException naming the SRID when spatial_ref_sys does not have it
     */
    void requireKnown(int srid) throws SQLException {
        if (knownSrids.contains(srid)) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM spatial_ref_sys WHERE srid = ?")) {
            statement.setInt(1, srid);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("SRID " + srid + " is not in spatial_ref_sys; pass --srid with an EPSG "
                            + "code that PostGIS knows, such as 4326 (WGS 84), 3405 (VN-2000 / UTM 48N) or 5897 (VN-2000 / TM-3 105°)");
                }
            }
        }
        knownSrids.add(srid);
    }

    /** Returns the geometries in WGS 84, in the order given; those already in WGS 84 are returned as they are. */
    List<Geometry> toWgs84(List<Geometry> geometries, List<Integer> srids) throws SQLException {
        List<Integer> positionsToTransform = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            if (srids.get(i) != WGS84) {
                positionsToTransform.add(i);
            }
        }
        List<Geometry> result = new ArrayList<>(geometries);
        if (positionsToTransform.isEmpty()) {
            return result;
        }

        String[] wkbHex = new String[positionsToTransform.size()];
        Integer[] sridValues = new Integer[positionsToTransform.size()];
        WKBWriter writer = new WKBWriter(2);
        for (int i = 0; i < wkbHex.length; i++) {
            int position = positionsToTransform.get(i);
            wkbHex[i] = WKBWriter.toHex(writer.write(geometries.get(position)));
            sridValues[i] = srids.get(position);
        }
        WKBReader reader = new WKBReader();
        try (PreparedStatement statement = connection.prepareStatement(TRANSFORM_SQL)) {
            Array wkbArray = connection.createArrayOf("text", wkbHex);
            Array sridArray = connection.createArrayOf("int4", sridValues);
            statement.setArray(1, wkbArray);
            statement.setArray(2, sridArray);
            try (ResultSet rows = statement.executeQuery()) {
                int i = 0;
                while (rows.next()) {
                    result.set(positionsToTransform.get(i++), reader.read(rows.getBytes(1)));
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB: " + e.getMessage(), e);
        }
        return result;
    }
}
