package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.gis.testing.TestDatabase;

/** The one-time command that creates the first province administrator, against a real database. */
class AdminCommandTest {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createMigrated();
        System.setProperty("spring.r2dbc.url", database.url().r2dbcUrl());
        System.setProperty("spring.r2dbc.username", database.url().user());
        System.setProperty("spring.r2dbc.password", database.url().password() == null ? "" : database.url().password());
    }

    @AfterAll
    static void dropDatabase() {
        System.clearProperty("spring.r2dbc.url");
        System.clearProperty("spring.r2dbc.username");
        System.clearProperty("spring.r2dbc.password");
        database.close();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsFirstAdministratorOnce(@TempDir Path folder) throws IOException, SQLException {
        Run badName = run("create-admin", "x");
        assertThat(badName.status()).isEqualTo(2);
        assertThat(badName.err()).contains("user name");

        Path shortPassword = Files.writeString(folder.resolve("short"), "ngắn\n");
        assertThat(run("create-admin", "quan.tri", "--password-file", shortPassword.toString()).status()).isEqualTo(2);

        Path passwordFile = Files.writeString(folder.resolve("password"), "mật khẩu quản trị tỉnh\n");
        Run created = run("create-admin", "Quan.Tri", "--display-name", "Quản trị Đồng Tháp",
                "--password-file", passwordFile.toString());
        assertThat(created.status()).as("stderr: %s", created.err()).isZero();
        assertThat(created.out()).contains("quan.tri").doesNotContain("mật khẩu");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT roles::text, display_name, password_hash FROM app_user")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("{province_admin}");
            assertThat(row.getString(2)).isEqualTo("Quản trị Đồng Tháp");
            assertThat(row.getString(3)).startsWith("$argon2id$");
            assertThat(row.next()).isFalse();
        }

        // A running backend listens on BACKEND_PORT: the command must start beside it, not on that port.
        Run again;
        try (ServerSocket backend = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setProperty("BACKEND_PORT", Integer.toString(backend.getLocalPort()));
            again = run("create-admin", "quan.tri.hai");
        } finally {
            System.clearProperty("BACKEND_PORT");
        }
        assertThat(again.err()).doesNotContain("already in use");
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        assertThat(again.out()).doesNotContain("Password");
    }
}
