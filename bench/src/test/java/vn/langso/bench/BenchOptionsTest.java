package vn.langso.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreOneMillionPointsAndFourClients() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.points()).isEqualTo(1_000_000);
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.tagCommunes()).isFalse();
        assertThat(options.keepDatabase()).isFalse();
        assertThat(options.output()).isNull();
    }

    @Test
    void readsEveryOption() {
        BenchOptions options = BenchOptions.parse(new String[] {"--points", "20_000", "--seed", "-7",
                "--iterations", "50", "--warmup", "0", "--warmup-seconds", "5", "--case-seconds", "3", "--clients", "2", "--tag-communes",
                "--keep-database", "--backend-jar", "x.jar", "--shared-data", "data", "--output", "out.md",
                "--only", "z16"});

        assertThat(options).isEqualTo(new BenchOptions(20_000, -7, 50, 0, 5, 3, 2, true, true, Path.of("x.jar"),
                Path.of("data"), Path.of("out.md"), "z16"));
    }

    @Test
    void rejectsBadNumbersUnknownArgumentsAndMissingValues() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--points", "many"}))
                .hasMessageContaining("--points 'many' is not a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--points", "0"}))
                .hasMessageContaining("--points 0 is outside 1..");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--clients", "1e3"}))
                .hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--zoom", "12"}))
                .hasMessageContaining("Unknown argument '--zoom'");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--output"}))
                .hasMessageContaining("--output needs a value");
    }

    @Test
    void recognisesHelp() {
        assertThat(BenchOptions.wantsHelp(new String[] {"--points", "5", "-h"})).isTrue();
        assertThat(BenchOptions.wantsHelp(new String[] {"--points", "5"})).isFalse();
    }
}
