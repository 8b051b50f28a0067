package vn.langso.gis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.langso.gis.testing.TestDatabase;

class VietnameseTextTest {

    private static final List<String> NAMES = List.of(
            "Tân Thuận Tây", "Đồng Tháp", "đường Nguyễn Huệ", "Xã Thường Thới Hậu B", "Phường  Mỹ   Phú ",
            "HỒNG NGỰ", "Hoà Long", "Hòa Long", "Quí", "Mỹ Tho", "Cái Bè", "Ấp Bắc", "Gò Công Đông", "Ơn", "ưu",
            " \tTháp\nMười ", "", "Café", "123 Lê Lợi", "Ðồng Tháp (Latin Eth)");

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMigrated();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private static String sqlFold(String text) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT fold_vietnamese(?)")) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void foldExamples() {
        assertThat(VietnameseText.fold("Tân Thuận Tây")).isEqualTo("tan thuan tay");
        assertThat(VietnameseText.fold("ĐỒNG THÁP")).isEqualTo("dong thap");
        assertThat(VietnameseText.fold("  Phường   Mỹ Phú\t")).isEqualTo("phuong my phu");
        assertThat(VietnameseText.fold("Hoà")).isEqualTo(VietnameseText.fold("Hòa"));
        assertThat(VietnameseText.fold(null)).isNull();
    }

    @Test
    void foldOfNfdEqualsFoldOfNfc() {
        for (String name : NAMES) {
            String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
            assertThat(VietnameseText.fold(nfd)).as(name).isEqualTo(VietnameseText.fold(name));
        }
    }

    @Test
    void foldMatchesSqlFunction() throws SQLException {
        for (String name : NAMES) {
            String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
            assertThat(VietnameseText.fold(name)).as("NFC %s", name).isEqualTo(sqlFold(name));
            assertThat(VietnameseText.fold(nfd)).as("NFD %s", name).isEqualTo(sqlFold(nfd));
        }
    }

    @Test
    void nfcComposes() {
        String nfd = Normalizer.normalize("Tân Thuận Tây", Normalizer.Form.NFD);

        assertThat(VietnameseText.nfc(nfd)).isEqualTo("Tân Thuận Tây");
        assertThat(VietnameseText.nfc(nfd)).hasSize("Tân Thuận Tây".length());
        assertThat(VietnameseText.nfc(null)).isNull();
        assertThat(VietnameseText.nfc("")).isEmpty();
    }

    @Test
    void cleanRepairsCopiedText() {
        assertThat(VietnameseText.clean("Cao\u00A0Lãnh")).isEqualTo("Cao Lãnh");
        assertThat(VietnameseText.clean("\u200BCao Lãnh\uFEFF")).isEqualTo("Cao Lãnh");
        assertThat(VietnameseText.clean("\u00D0ạo Thạnh")).isEqualTo("Đạo Thạnh");
        assertThat(VietnameseText.clean("\u00F0ồng")).isEqualTo("đồng");
        assertThat(VietnameseText.clean("Mỹ\tTrà")).isEqualTo("Mỹ Trà");
        assertThat(VietnameseText.clean(Normalizer.normalize("Tân Thuận Tây", Normalizer.Form.NFD))).isEqualTo("Tân Thuận Tây");
        assertThat(VietnameseText.clean(null)).isNull();
    }
}
