package vn.langso.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vietnamese mobile numbers in the forms people write them. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0912345678|+84912345678",
            "0912 345 678|+84912345678",
            "0912.345.678|+84912345678",
            "+84 912 345 678|+84912345678",
            "84912345678|+84912345678",
            "0084912345678|+84912345678",
            "(+84) 38-765-4321|+84387654321",
            " 0701234567 |+84701234567"})
    void mobileNumbersNormalized(String written, String expected) {
        assertThat(PhoneNumbers.normalize(written)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0212345678", "02773123456", "09123456789", "091234567", "+1 650 555 0100",
            "0912abc678", "không phải số", "+84 012345678"})
    void otherInputRejected(String written) {
        assertThat(PhoneNumbers.normalize(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"+84912345678,+84******678"})
    void maskedShowsLastThreeDigits(String phone, String masked) {
        assertThat(PhoneNumbers.masked(phone)).isEqualTo(masked);
    }
}
