package vn.langso.backend.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.gis.text.VietnameseText;

/**
 * The query parameters of one request, checked against the names the endpoint accepts. Every accessor
 * throws {@link InvalidParameterException} naming the parameter, the value and what to do.
 */
public final class QueryParameters {

    /**
     * The maximum number of parameters named in one error. A 16 KB query string can contain thousands of unknown names, and
     * each entry repeats the list of accepted ones, so naming them all would make a response of a megabyte.
     */
    static final int MAX_REPORTED = 10;

    private final MultiValueMap<String, String> values;

    private QueryParameters(MultiValueMap<String, String> values) {
        this.values = values;
    }

    /**
     * Reads the parameters of a request, rejecting any name not in {@code accepted}, any name given twice and any
     * value with the NUL character.
     */
    public static QueryParameters of(ServerRequest request, Set<String> accepted) {
        MultiValueMap<String, String> values = request.queryParams();
        List<InvalidParam> problems = new ArrayList<>();
        for (String name : new TreeSet<>(values.keySet())) {
            if (!accepted.contains(name)) {
                String acceptedList = accepted.isEmpty() ? " no query parameters"
                        : ": " + String.join(", ", new TreeSet<>(accepted));
                problems.add(new InvalidParam(name, "Unknown parameter '" + name + "'. This endpoint accepts"
                        + acceptedList + "."));
            } else if (values.get(name).size() > 1) {
                problems.add(new InvalidParam(name, "Parameter '" + name + "' is given " + values.get(name).size()
                        + " times; give it once."));
            } else if (values.getFirst(name) != null && values.getFirst(name).indexOf('\0') >= 0) {
                // PostgreSQL text cannot contain NUL, so such a value would fail in the database with a 500.
                problems.add(new InvalidParam(name, "Parameter '" + name + "' contains the NUL character (%00), "
                        + "which no value may contain; remove it."));
            }
        }
        if (problems.size() > MAX_REPORTED) {
            int more = problems.size() - MAX_REPORTED;
            String count = more == 1 ? "1 more parameter is" : more + " more parameters are";
            throw InvalidParameterException.of(problems.subList(0, MAX_REPORTED), count + " invalid; fix the ones "
                    + "named above and send the request again to see the others.");
        }
        if (!problems.isEmpty()) {
            throw InvalidParameterException.of(problems);
        }
        return new QueryParameters(values);
    }

    public boolean has(String name) {
        return values.getFirst(name) != null;
    }

    /** Returns the raw value as sent, if present. */
    public Optional<String> string(String name) {
        return Optional.ofNullable(values.getFirst(name));
    }

    /**
     * Reads a search text: cleaned as stored names are (NFC, Unicode spaces, zero-width characters, Ð for Đ),
     * trimmed, with a letter or digit, and at most {@code maxLength} characters.
     */
    public Optional<String> text(String name, int maxLength) {
        return string(name).map(raw -> {
            String text = VietnameseText.clean(raw).strip();
            if (text.isEmpty()) {
                throw InvalidParameterException.of(name, "Parameter '" + name + "' is empty; give some text or leave it out.");
            }
            if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + shorten(text)
                        + "' contains no letter or digit; give part of a name, for example Tân Thuận.");
            }
            if (text.codePointCount(0, text.length()) > maxLength) {
                throw InvalidParameterException.of(name, "Parameter '" + name + "' is "
                        + text.codePointCount(0, text.length()) + " characters long; the maximum is " + maxLength + ".");
            }
            return text;
        });
    }

    /** Reads a finite decimal number, such as a coordinate. */
    public OptionalDouble number(String name) {
        return number(name, "105.63");
    }

    /**
     * Reads a finite decimal number. An invalid value's error shows {@code example}, so that a distance in metres is
     * not explained with a coordinate.
     */
    public OptionalDouble number(String name, String example) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(parseNumber(name, raw.get(), example));
    }

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /** Reads a whole number within {@code [min, max]}. */
    public Optional<Long> integer(String name, long min, long max) {
        return string(name).map(raw -> parseInteger(name, raw, min, max));
    }

    /** Reads a calendar date in ISO form, {@code 2024-01-01}. */
    public Optional<LocalDate> date(String name) {
        return string(name).map(raw -> {
            try {
                return LocalDate.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + shorten(raw)
                        + "' is not a date; use the form YYYY-MM-DD, for example 2024-01-01.");
            }
        });
    }

    /** Reads {@code limit} and {@code offset}; a limit above {@code maxLimit} is capped to it. */
    public Page page(int defaultLimit, int maxLimit) {
        long limit = integer("limit", 1, Long.MAX_VALUE).orElse((long) defaultLimit);
        long offset = integer("offset", 0, Integer.MAX_VALUE).orElse(0L);
        return new Page((int) Math.min(limit, maxLimit), offset);
    }

    public static double parseNumber(String name, String raw) {
        return parseNumber(name, raw, "105.63");
    }

    private static double parseNumber(String name, String raw, String example) {
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isFinite(value) && !raw.strip().matches(".*[a-zA-Z].*")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below together with the non-finite case.
        }
        throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + shorten(raw)
                + "' is not a decimal number; use digits with a dot and no exponent, for example " + example + ".");
    }

    static long parseInteger(String name, String raw, long min, long max) {
        String digits = raw.strip();
        // Checked before parsing because Long.parseLong also accepts non-ASCII digits such as the full-width '５'.
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + shorten(raw)
                    + "' is not a whole number; use digits only, for example 10.");
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            // Digits beyond the range of a long: as large or as small as a long gets, then checked against the range,
            // so that a huge limit is capped like any limit above the maximum.
            value = digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < min || value > max) {
            String range = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw InvalidParameterException.of(name, "Parameter '" + name + "' value " + shorten(digits)
                    + " is out of range; it must be " + range + ".");
        }
        return value;
    }

    /** Cuts a value to a length that is safe to echo in an error, on one line. */
    public static String shorten(String raw) {
        String oneLine = raw.replaceAll("[\\r\\n]", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
