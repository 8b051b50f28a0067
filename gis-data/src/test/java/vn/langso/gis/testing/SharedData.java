package vn.langso.gis.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real test data that lives beside the repository in {@code ../shared/data}. It has other
 * licences and is never copied into the repository; CI always has it, elsewhere tests skip.
 */
public final class SharedData {

    public static final String DIRECTORY_VARIABLE = "LANGSO_SHARED_DATA";

    private SharedData() {
    }

    /** Returns the data folder, from {@value #DIRECTORY_VARIABLE} or found as {@code ../shared/data} above the working directory. */
    public static Optional<Path> directory() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a file or folder under the data folder, or skips the calling test with a message saying
     * what is missing and how to provide it.
     */
    public static Path require(String relativePath) {
        Optional<Path> directory = directory();
        Assumptions.assumeTrue(directory.isPresent(),
                "Skipped: real test data ../shared/data not found beside the repository; set "
                        + DIRECTORY_VARIABLE + " to its path to run this test");
        Path path = directory.get().resolve(relativePath);
        Assumptions.assumeTrue(Files.exists(path), "Skipped: " + path + " is missing from the shared test data");
        return path;
    }
}
