package vn.langso.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The numbers a request may compare with number columns, and how messages write the others. */
class DecimalLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "120", "12.5", "1e100", "-1e-100", "1e308", "123456789012345678901234567890"})
    void ordinaryNumbersAccepted(String number) {
        assertThat(DecimalLimits.problem(new BigDecimal(number))).isEmpty();
    }

    @Test
    void beyondDoubleRangeRejected() {
        assertThat(DecimalLimits.problem(new BigDecimal("-1e400")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("-1E+400").contains("1.8E+308"));
        assertThat(DecimalLimits.problem(new BigDecimal("1e20000"))).isPresent();
    }

    @Test
    void tooManyDecimalsRejected() {
        assertThat(DecimalLimits.problem(new BigDecimal("1e-20000")))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .isEqualTo("number 1E-20000 has 20000 digits after the decimal point; give at most 1000"));
        assertThat(DecimalLimits.problem(new BigDecimal("1e-99999999")).orElseThrow()).hasSizeLessThan(120);
    }

    @Test
    void trailingZerosAreNotDecimals() {
        assertThat(DecimalLimits.problem(new BigDecimal("5." + "0".repeat(5000)))).isEmpty();
    }

    @Test
    void plainUnlessExponentLarge() {
        assertThat(DecimalLimits.describe(new BigDecimal("1e9"))).isEqualTo("1000000000");
        assertThat(DecimalLimits.describe(new BigDecimal("-0.25"))).isEqualTo("-0.25");
        assertThat(DecimalLimits.describe(new BigDecimal("-1e-1000000"))).isEqualTo("-1E-1000000");
        assertThat(DecimalLimits.describe(new BigDecimal("1e400"))).isEqualTo("1E+400");
    }
}
