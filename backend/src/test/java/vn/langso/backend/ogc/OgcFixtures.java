package vn.langso.backend.ogc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import vn.langso.gis.testing.TestDatabase;

/** Rows shared by the OGC API tests: communes of two periods, clinics, cameras near the antimeridian and reports. */
final class OgcFixtures {

    /** Clinics in the fixtures; one name carries markup to test HTML escaping. */
    static final int CLINIC_COUNT = 6;
    static final String SCRIPT_NAME = "<script>alert('x')</script> & \"Phòng khám\"";

    private OgcFixtures() {
    }

    /** Counts the catalog's layers without personal data, each of which is an OGC collection. */
    static int publicLayerCount(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM layer WHERE NOT personal_data")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the catalog's layers: " + e.getMessage(), e);
        }
    }

    static String[] statements() {
        return new String[] {
                """
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, valid_to, geom, source) VALUES
                  ('90001', 'Tân Thuận Tây', 'commune', 'Xã', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test'),
                  ('90002', 'Mỹ Thọ', 'commune', 'Xã', '82', '2025-07-01', NULL,
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.72, 10.49, 4326)), 'test'),
                  ('866', 'Cao Lãnh', 'district', 'Huyện', '87', '2004-01-01', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.55, 10.35, 105.80, 10.55, 4326)), 'test'),
                  ('30001', 'Mỹ Thọ cũ', 'commune', 'Thị trấn', '866', '2009-01-01', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.66, 10.43, 105.70, 10.47, 4326)), 'test')""",
                """
                INSERT INTO growing_area (location_id, area_code, name, area_kind, products, certifications, geom)
                SELECT 'urn:epc:id:sgln:8930001.0000' || i || '.0', 'VN-DT-' || i, 'Vùng trồng ' || i,
                       CASE WHEN i = 5 THEN 'pond' ELSE 'growing_area' END, 'Xoài', '{VietGAP}',
                       ST_Multi(ST_MakeEnvelope(105.60 + i * 0.01, 10.44, 105.605 + i * 0.01, 10.445, 4326))
                  FROM generate_series(1, 5) AS i""",
                """
                INSERT INTO clinic (name, geom, address, facility_type, ownership, beds, source, source_key) VALUES
                  ('Bệnh viện Đa khoa Đồng Tháp', ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326), 'Cao Lãnh',
                   'hospital', 'public', 500, 'test', '1'),
                  ('Trạm Y tế xã Tân Thuận Tây', ST_SetSRID(ST_MakePoint(105.64, 10.45), 4326), NULL,
                   'health_station', 'public', 5, 'test', '2'),
                  ('Trung tâm Y tế Mỹ Thọ', ST_SetSRID(ST_MakePoint(105.69, 10.46), 4326), NULL,
                   'health_centre', 'public', 100, 'test', '3'),
                  ('Phòng khám Đa khoa Hòa An', ST_SetSRID(ST_MakePoint(105.75, 10.50), 4326), NULL,
                   'clinic', 'private', NULL, 'test', '4'),
                  ('Bệnh viện Quân y 120', ST_SetSRID(ST_MakePoint(106.36, 10.36), 4326), NULL,
                   'hospital', 'public', 300, 'test', '5')""",
                "INSERT INTO clinic (name, geom, facility_type, ownership, source, source_key) VALUES ('"
                        + SCRIPT_NAME.replace("'", "''")
                        + "', ST_SetSRID(ST_MakePoint(105.70, 10.44), 4326), 'clinic', 'private', 'test', '6')",
                """
                INSERT INTO camera (name, geom, status, source, source_key) VALUES
                  ('Camera đảo Đông', ST_SetSRID(ST_MakePoint(179.5, 5.0), 4326), 'online', 'test', '1'),
                  ('Camera đảo Tây', ST_SetSRID(ST_MakePoint(-179.5, 5.0), 4326), 'online', 'test', '2'),
                  ('Camera Cao Lãnh', ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326), 'offline', 'test', '3')""",
                """
                INSERT INTO report (name, geom, category, status, reported_at, source, source_key) VALUES
                  ('Đèn đường hỏng', ST_SetSRID(ST_MakePoint(105.64, 10.46), 4326), 'lighting', 'received',
                   '2025-06-30T20:00:00Z', 'test', '1'),
                  ('Ổ gà trên đường', ST_SetSRID(ST_MakePoint(105.65, 10.46), 4326), 'road', 'received',
                   '2025-07-01T00:00:00Z', 'test', '2'),
                  ('Rác thải', ST_SetSRID(ST_MakePoint(105.68, 10.45), 4326), 'waste', 'resolved',
                   '2025-07-01T10:00:00Z', 'test', '3'),
                  ('Ngập nước', ST_SetSRID(ST_MakePoint(105.69, 10.44), 4326), 'flooding', 'received',
                   '2025-07-02T03:30:00Z', 'test', '4')""",
                "CREATE TABLE private_place AS SELECT * FROM merchant WITH NO DATA",
                """
                INSERT INTO layer (name, table_name, title_vi, title_en, personal_data, sort_order)
                VALUES ('private_places', 'private_place', 'Địa điểm riêng', 'Private places', true, 5)"""
        };
    }
}
