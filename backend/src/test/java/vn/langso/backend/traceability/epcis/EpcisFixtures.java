package vn.langso.backend.traceability.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Two test communes, master data of places and products, and the project's own example documents for Đồng Tháp
 * products. Commune 99001 covers Cao Lãnh (105.60–105.70 E, 10.40–10.50 N); commune 99002 covers Tháp Mười
 * (105.70–105.90 E, 10.50–10.60 N).
 */
final class EpcisFixtures {

    static final String COMMUNE_CAO_LANH = "99001";
    static final String COMMUNE_THAP_MUOI = "99002";
    static final String RICE_GTIN = "08930001000018";
    static final String RICE_LOT = "LUA-2607";
    static final String RICE_AREA = "urn:epc:id:sgln:8930001.00101.0";
    static final String RICE_MILL = "urn:epc:id:sgln:8930001.00201.0";

    private EpcisFixtures() {
    }

    static String[] statements() {
        return new String[] {
            commune(COMMUNE_CAO_LANH, "Phường Cao Lãnh thử", 105.60, 10.40, 105.70, 10.50),
            commune(COMMUNE_THAP_MUOI, "Xã Tháp Mười thử", 105.70, 10.50, 105.90, 10.60),
            "INSERT INTO trace_location (name, geom, location_id, location_kind) VALUES ('Nhà máy xay xát thử', "
                    + "ST_SetSRID(ST_MakePoint(105.6330, 10.4601), 4326), '" + RICE_MILL + "', 'processor')",
            "INSERT INTO growing_area (location_id, area_code, name, products, certifications, geom) VALUES ('"
                    + RICE_AREA + "', 'VN-DT-LUA-0101', 'Vùng trồng lúa thử', 'lúa', '{VietGAP}', "
                    + "ST_Multi(ST_MakeEnvelope(105.815, 10.545, 105.825, 10.555, 4326)))",
            "INSERT INTO trace_product (gtin, name_vi, name_en) VALUES ('" + RICE_GTIN
                    + "', 'Gạo thơm Đồng Tháp', 'Đồng Tháp fragrant rice')"
        };
    }

    private static String commune(String code, String name, double west, double south, double east, double north) {
        return "INSERT INTO admin_unit (code, name, level, valid_from, geom) VALUES ('" + code + "', '" + name
                + "', 'commune', '2025-07-01', ST_Multi(ST_MakeEnvelope(" + west + ", " + south + ", " + east + ", "
                + north + ", 4326)))";
    }

    /** Reads one of the shipped example documents, e.g. {@code rice}. */
    static String example(String product) {
        String resource = "/traceability/examples/dong-thap-" + product + ".jsonld";
        try (InputStream in = EpcisFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing example " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
