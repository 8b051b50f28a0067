package vn.langso.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing key comes from, and which keys are rejected. */
class SigningKeyTest {

    private static SecurityProperties.Jwt settings(String secret, Path file) {
        return new SecurityProperties.Jwt(secret, file, "langso", Duration.ofMinutes(15), Duration.ofHours(8));
    }

    @Test
    void shortSecretRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> SigningKey.from(settings("too-short-secret", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 bytes")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("too-short-secret");
    }

    @Test
    void fileKeyReadAndTrimmed(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("jwt.key"), "a-key-from-a-file-that-is-long-enough-0123\n");

        SigningKey key = SigningKey.from(settings(null, file));

        assertThat(key.secretKey().getEncoded()).hasSize(42);
        assertThat(key.toString()).doesNotContain("a-key-from-a-file");
    }

    @Test
    void missingFileNamedInError(@TempDir Path folder) {
        Path missing = folder.resolve("absent.key");

        assertThatThrownBy(() -> SigningKey.from(settings(null, missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void generatedKeyWhenNoneConfigured() {
        SigningKey first = SigningKey.from(settings("", null));
        SigningKey second = SigningKey.from(settings(null, null));

        assertThat(first.secretKey().getEncoded()).hasSize(48);
        assertThat(first.secretKey().getEncoded()).isNotEqualTo(second.secretKey().getEncoded());
    }

    @Test
    void bothSourcesRejectedBySettings() {
        assertThat(settings("x".repeat(40), Path.of("/run/secrets/jwt")).isOneKeySource()).isFalse();
        assertThat(settings("x".repeat(40), null).isOneKeySource()).isTrue();
    }
}
