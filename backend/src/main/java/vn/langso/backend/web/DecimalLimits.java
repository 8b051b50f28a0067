package vn.langso.backend.web;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The decimal numbers that requests may compare with number columns, and how such a number is written in a message.
 * A request can spell a number whose exact value the database cannot hold: PostgreSQL's numeric fails with "value
 * overflows numeric format" beyond 16383 digits after the point, and {@code 1e-99999999} is a BigDecimal whose
 * plain form has a hundred million digits. Such numbers are rejected with a reason before any SQL runs, and
 * messages write a number with a large exponent in scientific form.
 */
public final class DecimalLimits {

    /** The largest magnitude accepted, that of a double, as for the API's other number parameters. */
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal(Double.MAX_VALUE);

    /** The maximum number of digits after the decimal point: beyond any measurement, well inside PostgreSQL's 16383. */
    private static final int MAX_DECIMALS = 1000;

    /** Exponents up to this size are written in plain form in messages, so that 1e9 reads as 1000000000. */
    private static final int MAX_PLAIN_EXPONENT = 30;

    private DecimalLimits() {
    }

    /**
     * Returns why a number is rejected, such as "number 1E+400 is beyond the range of about -1.8E+308 to 1.8E+308",
     * or empty when it is accepted.
     */
    public static Optional<String> problem(BigDecimal number) {
        if (number.abs().compareTo(MAX_MAGNITUDE) > 0) {
            return Optional.of("number " + describe(number) + " is beyond the range of about -1.8E+308 to 1.8E+308; "
                    + "give a smaller number");
        }
        int decimals = number.stripTrailingZeros().scale();
        if (decimals > MAX_DECIMALS) {
            return Optional.of("number " + describe(number) + " has " + decimals + " digits after the decimal point;"
                    + " give at most " + MAX_DECIMALS);
        }
        return Optional.empty();
    }

    /** Writes a number for a message: plainly, or with an exponent when the plain form would be very long. */
    public static String describe(BigDecimal number) {
        return Math.abs(number.scale()) <= MAX_PLAIN_EXPONENT ? number.toPlainString() : number.toString();
    }
}
