package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.langso.gis.model.AdminLevel;
import vn.langso.gis.testing.SharedData;
import vn.langso.gis.testing.TestDatabase;

/**
 * Imports the real administrative units and points of interest of Đồng Tháp from the shared test data
 * (skipped where it is absent). The tests build on each other: communes first, then the places that
 * are tagged with them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealDataImportTest {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate CENSUS_2009 = LocalDate.of(2009, 4, 1);

    private static TestDatabase database;
    private static FeatureImporter importer;

    /** Keeps the data set's own commune code, which the clinic test compares with the one the trigger finds. */
    private static final ImportOptions CLINICS =
            ImportOptions.into("clinics").withAttributes(ImportOptions.Attributes.of(Set.of("ma_xa_2025")));

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMigrated();
        importer = new FeatureImporter(database.url());
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void communes2025AreCurrentWithProvinceParent() {
        Path communes = SharedData.require("geo/post2025/dong_thap_2025_communes_102.geojson");
        Path province = SharedData.require("geo/post2025/dong_thap_2025_province.geojson");

        ImportReport communeReport = importer.importFiles(List.of(communes), ImportOptions.into("admin-units"));
        ImportReport provinceReport = importer.importFiles(List.of(province),
                ImportOptions.into("admin-units").withLevel(AdminLevel.PROVINCE));

        assertThat(communeReport.imported()).isEqualTo(102);
        assertThat(communeReport.issues()).isEmpty();
        assertThat(provinceReport.imported()).isEqualTo(1);
        assertThat(Sql.count(database, "SELECT count(*) FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL"
                + " AND parent_code = '82' AND valid_from = ?", REFORM)).isEqualTo(102);
        assertThat(Sql.single(database, "SELECT name FROM admin_unit WHERE level = 'province' AND valid_to IS NULL"))
                .isEqualTo("Đồng Tháp");
        assertThat(Sql.count(database, "SELECT count(*) FROM admin_unit WHERE GeometryType(geom) <> 'MULTIPOLYGON'"))
                .isZero();
    }

    @Test
    @Order(2)
    void knownPointLiesInCaoLanhCommune() {
        SharedData.require("geo/post2025/dong_thap_2025_communes_102.geojson");

        Object code = Sql.single(database, "SELECT current_commune_at(ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326))");
        Object name = Sql.single(database, "SELECT name FROM admin_unit WHERE code = ? AND valid_to IS NULL", code);

        assertThat(code).isEqualTo("29869");
        assertThat(name).isEqualTo("Cao Lãnh");
    }

    @Test
    @Order(3)
    void preReformUnitsAreKeptApart() {
        Path province = SharedData.require("geo/pre2025/dong_thap_87_province_gischinhphu.geojson");
        Path districts = SharedData.require("geo/pre2025/dong_thap_87_districts_gischinhphu.geojson");
        Path communes87 = SharedData.require("geo/pre2025/dong_thap_87_communes_census2009_lowres.geojson");
        Path communes82 = SharedData.require("geo/pre2025/tien_giang_82_communes_census2009_lowres.geojson");
        ImportOptions preReform = ImportOptions.into("admin-units").withValidity(CENSUS_2009, REFORM);

        ImportReport outlines = importer.importFiles(List.of(province, districts), preReform);
        ImportReport communes = importer.importFiles(List.of(communes87, communes82), preReform);

        assertThat(outlines.imported()).isEqualTo(1 + 12);
        assertThat(outlines.issues()).isEmpty();
        assertThat(communes.imported()).isEqualTo(141 + 164);
        assertThat(communes.rejected()).isEqualTo(3 + 9);
        assertThat(communes.rejections()).allSatisfy(issue -> assertThat(issue.reason()).startsWith("no administrative code"));
        assertThat(communes.rejections()).filteredOn(issue -> issue.file().equals(communes87))
                .extracting(ImportIssue::featureNumber).containsExactly(2, 6, 44);
        assertThat(Sql.count(database, "SELECT count(*) FROM admin_unit WHERE valid_to = ?", REFORM)).isEqualTo(1 + 12 + 305);
        assertThat(Sql.count(database, "SELECT count(*) FROM admin_unit WHERE valid_to IS NULL")).isEqualTo(102 + 1);
        assertThat(Sql.single(database, "SELECT parent_code FROM admin_unit WHERE level = 'district' AND code = '866'"))
                .isEqualTo("87");
        assertThat(Sql.single(database, "SELECT parent_code FROM admin_unit WHERE level = 'commune' AND code = '29869'"
                + " AND valid_to IS NOT NULL")).isEqualTo("866");
        // The old units must not take over the commune look-up.
        assertThat(Sql.single(database, "SELECT current_commune_at(ST_SetSRID(ST_MakePoint(105.6329, 10.4603), 4326))"))
                .isEqualTo("29869");
    }

    @Test
    @Order(4)
    void hospitalsBecomeClinicsWithTheirCommune() {
        Path hospitals = SharedData.require("poi/dong_thap_2025_hospitals_osm.geojson");

        ImportReport report = importer.importFiles(List.of(hospitals), CLINICS);

        assertThat(report.imported()).isEqualTo(38);
        assertThat(report.issues()).isEmpty();
        assertThat(Sql.count(database, "SELECT count(*) FROM clinic")).isEqualTo(38);
        assertThat(Sql.single(database, "SELECT commune_code FROM clinic WHERE name = 'Bệnh viện Đa khoa Đồng Tháp'"))
                .isEqualTo("29884");
        assertThat(Sql.single(database, "SELECT commune_code FROM clinic WHERE name = 'Bệnh viện Đa khoa Tiền Giang'"))
                .isEqualTo("28261");
        assertThat(Sql.count(database, "SELECT count(*) FROM clinic WHERE commune_code = properties->>'ma_xa_2025'"))
                .as("places whose commune matches the one the data set found").isGreaterThanOrEqualTo(36);
    }

    @Test
    @Order(5)
    void fptOfficesBecomeMerchants() {
        Path offices = SharedData.require("poi/dong_thap_2025_fpt_telecom_offices.geojson");

        ImportReport report = importer.importFiles(List.of(offices), ImportOptions.into("merchants"));

        assertThat(report.imported()).isEqualTo(6);
        assertThat(Sql.count(database, "SELECT count(*) FROM merchant WHERE category = 'telecom_shop' AND phone = '19006600'"))
                .isEqualTo(6);
        assertThat(Sql.single(database, "SELECT commune_code FROM merchant WHERE name = 'FPT Telecom Cao Lãnh'"))
                .isEqualTo("29869");
    }

    @Test
    @Order(6)
    void reimportUpdatesInsteadOfDuplicating() {
        Path communes = SharedData.require("geo/post2025/dong_thap_2025_communes_102.geojson");
        Path hospitals = SharedData.require("poi/dong_thap_2025_hospitals_osm.geojson");

        ImportReport communeReport = importer.importFiles(List.of(communes), ImportOptions.into("admin-units"));
        ImportReport clinicReport = importer.importFiles(List.of(hospitals), CLINICS);

        assertThat(communeReport.imported()).isZero();
        assertThat(communeReport.updated()).isEqualTo(102);
        assertThat(clinicReport.imported()).isZero();
        assertThat(clinicReport.updated()).isEqualTo(38);
        assertThat(Sql.count(database, "SELECT count(*) FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL"))
                .isEqualTo(102);
        assertThat(Sql.count(database, "SELECT count(*) FROM clinic")).isEqualTo(38);
    }
}
