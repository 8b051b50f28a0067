package vn.langso.backend.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import vn.langso.backend.ApiTestSupport;

/**
 * GDAL's MVT driver ({@code ogrinfo}) reads a tile of each collection and of the base map. GDAL reads a
 * single tile file when its path ends in {@code z/x/y.pbf}, with x the column and y the row.
 */
class TileOgrinfoTest extends ApiTestSupport {

    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static final TileMath TILE = TileMath.containing(105.6329, 10.4603, 14);
    private static final List<String> PLACE_LAYERS = List.of("reports", "cameras", "merchants", "schools", "clinics",
            "cooperatives");

    @TempDir
    Path tiles;

    @BeforeAll
    static void insertFixtures() {
        String point = String.format(Locale.ROOT, "ST_SetSRID(ST_MakePoint(%s, %s), 4326)", TILE.centreLon(), TILE.centreLat());
        execute("""
                INSERT INTO admin_unit (code, name, level, unit_type, parent_code, valid_from, geom, source) VALUES
                  ('90001', 'Phường Cao Lãnh', 'commune', 'Phường', '82', '2025-07-01',
                   ST_Multi(ST_MakeEnvelope(105.60, 10.43, 105.66, 10.49, 4326)), 'test')""",
                "INSERT INTO report (name, geom, category, description) VALUES ('Đèn đường hỏng', " + point + ", 'lighting', 'Đèn tắt')",
                "INSERT INTO camera (name, geom, road, status) VALUES ('Camera Quốc lộ 30', " + point + ", 'QL30', 'online')",
                "INSERT INTO merchant (name, geom, category, accepts_vietqr) VALUES ('Tạp hóa Hai Lúa', " + point + ", 'grocery', true)",
                "INSERT INTO school (name, geom, school_level, student_count) VALUES ('Trường Kim Đồng', " + point + ", 'primary', 640)",
                "INSERT INTO school (name, geom, school_level) VALUES ('Trường Mầm non Hoa Sen', " + point + ", 'preschool')",
                "INSERT INTO clinic (name, geom, facility_type, beds) VALUES ('Bệnh viện Đa khoa', " + point + ", 'hospital', 750)",
                "INSERT INTO cooperative (name, geom, products) VALUES ('HTX Xoài Mỹ Xương', " + point + ", 'xoài')",
                "INSERT INTO growing_area (location_id, area_code, name, certifications, geom) VALUES ('urn:epc:id:sgln:"
                        + "8930001.00001.0', 'VN-DT-XOAI-0001', 'Vùng trồng xoài Mỹ Xương', '{VietGAP}', ST_Multi(ST_Buffer("
                        + point + ", 0.001)))");
    }

    @ParameterizedTest
    @ValueSource(strings = {"communes", "reports", "cameras", "merchants", "schools", "clinics", "cooperatives",
            "growing-areas"})
    void ogrinfoReadsCollectionTile(String collection) throws Exception {
        String output = ogrinfo(save("/ogc/collections/" + collection + "/tiles/WebMercatorQuad/" + TILE.path(), collection));

        assertThat(output).contains("Layer name: " + collection);
        assertThat(output).contains("Feature Count: " + (collection.equals("schools") ? 2 : 1));
    }

    @Test
    void ogrinfoReadsBaseMapTile() throws Exception {
        String output = ogrinfo(save("/ogc/tiles/WebMercatorQuad/" + TILE.path(), "base-map"));

        assertThat(output).contains("Layer name: communes");
        for (String layer : PLACE_LAYERS) {
            assertThat(output).contains("Layer name: " + layer);
        }
        assertThat(output).contains("name: String");
    }

    /** Saves a tile as {@code <folder>/<z>/<col>/<row>.pbf}, the layout that GDAL reads a tile from. */
    private Path save(String path, String folder) throws IOException {
        EntityExchangeResult<byte[]> result = client.get().uri(path).exchange().expectBody(byte[].class).returnResult();
        assertThat(result.getStatus().value()).as("status of %s", path).isEqualTo(200);

        Path file = tiles.resolve(folder).resolve(Integer.toString(TILE.zoom())).resolve(Long.toString(TILE.col()))
                .resolve(TILE.row() + ".pbf");
        Files.createDirectories(file.getParent());
        Files.write(file, result.getResponseBody());
        return file;
    }

    private static String ogrinfo(Path tile) throws IOException, InterruptedException {
        requireOgrinfo();
        List<String> command = new ArrayList<>(List.of(OGRINFO.toString(), "-ro", "-al", "-so", tile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ogrinfo did not exit within 60 s on " + tile);
        }
        assertThat(process.exitValue()).as("ogrinfo exit code; output:%n%s", output).isZero();
        return output;
    }

    private static void requireOgrinfo() {
        if (Files.isExecutable(OGRINFO)) {
            return;
        }
        String message = OGRINFO + " is missing; install GDAL (gdal-bin) with ./langso setup to run this test.";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }
}
