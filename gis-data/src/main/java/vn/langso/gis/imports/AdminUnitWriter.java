package vn.langso.gis.imports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Upserts administrative units keyed by level, code and start of validity, so that re-importing a file
 * updates its units and units of another period stay apart. A unit with the same key from another source
 * is not overwritten: after the 2025 reform new communes reuse the codes of old ones, so importing old
 * units without their own validity period would otherwise replace current ones.
 */
final class AdminUnitWriter implements FeatureWriter {

    private static final String UPSERT_SQL = """
            INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, valid_to, geom, properties, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)), ?::jsonb, ?)
            ON CONFLICT (level, code, valid_from) DO UPDATE
               SET name = EXCLUDED.name, unit_type = EXCLUDED.unit_type, parent_code = EXCLUDED.parent_code,
                   valid_to = EXCLUDED.valid_to, geom = EXCLUDED.geom, properties = EXCLUDED.properties,
                   source = EXCLUDED.source, updated_at = now()
             WHERE admin_unit.source IS NOT DISTINCT FROM EXCLUDED.source
            RETURNING (xmax = 0) AS inserted""";

    private final PreparedStatement upsert;
    private final ImportOptions options;
    private final String source;
    private final WKBWriter wkbWriter = new WKBWriter(2);

    AdminUnitWriter(Connection connection, ImportOptions options, String source) throws SQLException {
        this.upsert = connection.prepareStatement(UPSERT_SQL);
        this.options = options;
        this.source = source;
    }

    @Override
    public Outcome write(PendingFeature feature, Geometry wgs84) throws SQLException {
        AdminUnitMapper.AdminUnitRow unit = feature.adminUnit();
        upsert.setString(1, unit.code());
        upsert.setString(2, unit.name());
        upsert.setString(3, unit.level().sqlName());
        upsert.setString(4, unit.unitType());
        upsert.setString(5, unit.parentCode());
        upsert.setDate(6, Date.valueOf(options.validFrom()));
        if (options.validTo() == null) {
            upsert.setNull(7, Types.DATE);
        } else {
            upsert.setDate(7, Date.valueOf(options.validTo()));
        }
        upsert.setBytes(8, wkbWriter.write(wgs84));
        upsert.setString(9, PropertyValues.toJson(feature.properties()));
        upsert.setString(10, source);
        try (ResultSet result = upsert.executeQuery()) {
            if (!result.next()) {
                return Outcome.CONFLICT;
            }
            return result.getBoolean(1) ? Outcome.INSERTED : Outcome.UPDATED;
        }
    }

    @Override
    public void close() throws SQLException {
        upsert.close();
    }
}
