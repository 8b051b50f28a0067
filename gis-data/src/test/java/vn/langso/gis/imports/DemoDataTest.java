package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.langso.gis.testing.SharedData;
import vn.langso.gis.testing.TestDatabase;

class DemoDataTest {

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.createMigrated();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void loadsEveryEmptyLayer() {
        List<DemoData.LayerResult> results = DemoData.load(database.url());

        assertThat(results).containsExactly(
                new DemoData.LayerResult("schools", 5, false),
                new DemoData.LayerResult("clinics", 5, false),
                new DemoData.LayerResult("merchants", 6, false),
                new DemoData.LayerResult("cameras", 4, false),
                new DemoData.LayerResult("cooperatives", 4, false),
                new DemoData.LayerResult("reports", 5, false),
                new DemoData.LayerResult("growing-areas", 6, false));
        assertThat(Sql.count(database, "SELECT count(*) FROM school WHERE student_count > 0 AND school_level IS NOT NULL")).isEqualTo(5);
        assertThat(Sql.count(database, "SELECT count(*) FROM clinic WHERE facility_type = 'health_station'")).isEqualTo(5);
        assertThat(Sql.count(database, "SELECT count(*) FROM cooperative WHERE cooperative_type = 'community_club'")).isEqualTo(2);
        assertThat(Sql.count(database, "SELECT count(*) FROM report WHERE status <> 'received'")).isEqualTo(4);
        assertThat(Sql.single(database, "SELECT source FROM camera LIMIT 1")).isEqualTo(DemoData.SOURCE);
        assertThat(Sql.count(database, "SELECT count(*) FROM growing_area WHERE area_kind = 'pond'")).isEqualTo(1);
    }

    @Test
    void secondLoadSkipsEveryLayer() {
        DemoData.load(database.url());

        List<DemoData.LayerResult> again = DemoData.load(database.url());

        assertThat(again).allSatisfy(result -> {
            assertThat(result.skipped()).isTrue();
            assertThat(result.loaded()).isZero();
        });
        assertThat(Sql.count(database, "SELECT count(*) FROM merchant")).isEqualTo(6);
        assertThat(Sql.count(database, "SELECT count(*) FROM growing_area")).isEqualTo(6);
    }

    @Test
    void layerWithDataIsLeftAlone() {
        Sql.single(database, "WITH added AS (INSERT INTO school (name, geom) VALUES ('Trường thật',"
                + " ST_SetSRID(ST_MakePoint(105.63, 10.46), 4326)) RETURNING 1) SELECT count(*) FROM added");

        List<DemoData.LayerResult> results = DemoData.load(database.url());

        assertThat(results.getFirst()).isEqualTo(new DemoData.LayerResult("schools", 0, true));
        assertThat(results.get(1).skipped()).isFalse();
        assertThat(Sql.count(database, "SELECT count(*) FROM school")).isEqualTo(1);
    }

    @Test
    void communesImportedLaterTagGrowingAreas() {
        DemoData.load(database.url());
        assertThat(Sql.count(database, "SELECT count(*) FROM growing_area WHERE commune_code IS NULL")).isEqualTo(6);

        var communes = SharedData.require("geo/post2025/dong_thap_2025_communes_102.geojson");
        new FeatureImporter(database.url()).importFiles(List.of(communes), ImportOptions.into("admin-units"));

        assertThat(Sql.column(database, "SELECT name FROM growing_area WHERE commune_code IS NULL"))
                .as("growing areas left without a commune").isEmpty();
    }

    @Test
    void everyDemoPlaceLiesInADongThapCommune() {
        var communes = SharedData.require("geo/post2025/dong_thap_2025_communes_102.geojson");
        new FeatureImporter(database.url()).importFiles(List.of(communes), ImportOptions.into("admin-units"));

        DemoData.load(database.url());

        for (String table : List.of("school", "clinic", "merchant", "camera", "cooperative", "report")) {
            assertThat(Sql.column(database, "SELECT name FROM " + table + " WHERE commune_code IS NULL"))
                    .as("places of %s without a commune", table).isEmpty();
            assertThat(Sql.column(database, "SELECT p.name || ': ' || p.address || ' is in ' || a.name FROM " + table
                    + " p JOIN admin_unit a ON a.code = p.commune_code AND a.valid_to IS NULL"
                    + " WHERE p.address IS NOT NULL AND p.address ~ '(phường|xã) '"
                    + " AND lower(p.address) NOT LIKE '%' || lower(a.unit_type) || ' ' || lower(a.name) || '%'"))
                    .as("demo places of %s whose address names another commune", table).isEmpty();
        }
        assertThat(Sql.column(database, "SELECT g.name FROM growing_area g WHERE NOT EXISTS (SELECT 1 FROM admin_unit a"
                + " WHERE a.code = g.commune_code AND a.valid_to IS NULL AND ST_Within(g.geom, a.geom))"))
                .as("demo growing areas not wholly inside their commune").isEmpty();
        assertThat(Sql.column(database, "SELECT g.name FROM growing_area g JOIN admin_unit a ON a.code = g.commune_code"
                + " WHERE position(a.name IN g.name) = 0"))
                .as("demo growing areas named after another commune").isEmpty();
    }
}
