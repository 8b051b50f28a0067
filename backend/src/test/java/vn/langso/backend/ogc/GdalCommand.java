package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs GDAL's command-line programs in tests, against loopback only and with a bounded wait. */
public final class GdalCommand {

    public static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    private static final long TIMEOUT_SECONDS = 120;

    private GdalCommand() {
    }

    /** Runs a GDAL program against loopback only, with a bounded wait, and returns its output. */
    public static String run(Path workFolder, Path program, List<String> arguments) throws IOException, InterruptedException {
        requireGdal(program);
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(arguments);
        Path output = Files.createTempFile(workFolder, "gdal", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                .forEach(environment::remove);
        environment.put("NO_PROXY", "127.0.0.1");
        environment.put("GDAL_HTTP_TIMEOUT", "10");
        environment.put("GDAL_HTTP_MAX_RETRY", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(program.getFileName() + " did not exit within " + TIMEOUT_SECONDS + " s; output:\n"
                    + Files.readString(output));
        }
        String text = Files.readString(output);
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", program.getFileName(), text).isZero();
        return text;
    }

    static void requireGdal(Path program) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = program + " is missing; install GDAL (gdal-bin) with ./langso setup to run this test.";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }
}
