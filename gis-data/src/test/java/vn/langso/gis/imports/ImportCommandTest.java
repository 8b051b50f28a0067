package vn.langso.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.gis.testing.TestDatabase;

/** Runs the command line against a real test database and checks its output and exit codes. */
class ImportCommandTest {

    private static TestDatabase database;

    @TempDir
    Path folder;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.createEmpty();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void captureOutput() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    private int run(String... args) {
        return run(Map.of("DATABASE_URL", database.url().toLibpqUrl()), false, args);
    }

    private int run(Map<String, String> environment, boolean terminal, String... args) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        ImportCommand command = new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), errStream,
                environment, new ConsoleProgress(errStream, terminal));
        return command.run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path mixedFile() throws IOException {
        return Files.writeString(folder.resolve("cameras.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"a","properties":{"name":"Camera A"},"geometry":{"type":"Point","coordinates":[105.63,10.46]}},
                 {"type":"Feature","id":"b","properties":{"name":"Camera B"},"geometry":{"type":"Point","coordinates":[10.46,105.63]}},
                 {"type":"Feature","id":"c","properties":{"name":"Camera C"},"geometry":{"type":"Point","coordinates":[105.76,10.29]}}
                ]}""");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("help")).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(output()).contains("Usage: langso COMMAND", "import --into TARGET", "--srid N", "demo", "migrate");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(errors()).contains("Error: no command given", "Usage: langso COMMAND");

        assertThat(run("frobnicate")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "x.geojson")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "--into", "cameras")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "--into", "cameras", "--colour", "red", "x.geojson")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "--into", "cameras", "--srid", "wgs84", "x.geojson")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "--into", "cameras", "--level", "commune", "x.geojson")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "--into", "admin-units", "--valid-from", "1/7/2025", "x.geojson")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(run("import", "--into")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(errors()).contains("unknown option --colour", "--srid 'wgs84' is not an EPSG code",
                "apply only to --into admin-units", "'1/7/2025' is not a date; expected YYYY-MM-DD", "option --into needs a value");
    }

    @Test
    void missingDatabaseIsUsageError() {
        assertThat(run(Map.of(), false, "migrate")).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(errors()).contains("Database URL is empty", "--database-url", "DATABASE_URL");
    }

    @Test
    void unknownLayerIsUsageError() throws IOException {
        Path file = mixedFile();

        assertThat(run("import", "--into", "roads", file.toString())).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(errors()).contains("Unknown layer 'roads'", "cameras");
    }

    @Test
    void importPrintsSummaryWithRejections() throws IOException {
        Path file = mixedFile();

        int exit = run("import", "--into", "cameras", "--source", "cli-test", file.toString());

        assertThat(exit).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(output()).contains("Import into cameras: 1 file(s)")
                .containsPattern("new\\s+2")
                .containsPattern("rejected\\s+1")
                .containsPattern("cameras.geojson\\s+2\\s+rejected\\s+latitude and longitude are swapped");
        assertThat(errors()).contains("[1/1] reading " + file, "[1/1] done: 3 features read");
        assertThat(Sql.count(database, "SELECT count(*) FROM camera WHERE source = 'cli-test'")).isEqualTo(2);
    }

    @Test
    void terminalProgressDrawsBar() throws IOException {
        Path file = mixedFile();

        run(Map.of("DATABASE_URL", database.url().toLibpqUrl()), true, "import", "--into", "cameras", "--source", "bar", file.toString());

        assertThat(errors()).contains("\r[1/1] [", "100% 3 features");
    }

    @Test
    void databaseUrlOptionOverridesEnvironment() throws IOException {
        Path file = mixedFile();

        int exit = run(Map.of("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"), false,
                "import", "--database-url", database.url().toLibpqUrl(), "--into", "cameras", "--source", "option", file.toString());

        assertThat(exit).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(Sql.count(database, "SELECT count(*) FROM camera WHERE source = 'option'")).isEqualTo(2);
    }

    @Test
    void malformedFileFailsWithOne() throws IOException {
        Path file = Files.writeString(folder.resolve("broken.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{]}");

        assertThat(run("import", "--into", "cameras", file.toString())).isEqualTo(ImportCommand.EXIT_FAILED);
        assertThat(errors()).contains("Error: Import of " + file, "malformed JSON at line 1");
    }

    @Test
    void adminUnitsWithValidity() throws IOException {
        Path file = Files.writeString(folder.resolve("old.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ma_huyen":"866","ten":"Thành phố Cao Lãnh","ma_tinh":"87"},
                 "geometry":{"type":"Polygon","coordinates":[[[105.6,10.4],[105.7,10.4],[105.7,10.5],[105.6,10.4]]]}}]}""");

        int exit = run("import", "--into", "admin-units", "--valid-from", "2004-01-01", "--valid-to=2025-07-01", file.toString());

        assertThat(exit).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(Sql.single(database, "SELECT valid_to::text FROM admin_unit WHERE code = '866'")).isEqualTo("2025-07-01");
        assertThat(Sql.single(database, "SELECT level FROM admin_unit WHERE code = '866'")).isEqualTo("district");
    }

    @Test
    void migrateAndDemo() {
        assertThat(run("migrate")).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(output()).contains("is up to date");
        assertThat(output()).doesNotContain(database.url().password().isEmpty() ? "\u0000" : database.url().password());

        Sql.single(database, "WITH removed AS (DELETE FROM school RETURNING 1) SELECT count(*) FROM removed");
        assertThat(run("demo")).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(output()).contains("loaded  schools: 5 demo features");

        out.reset();
        assertThat(run("demo")).isEqualTo(ImportCommand.EXIT_OK);
        assertThat(output()).contains("skipped schools: the layer already has features");
    }
}
