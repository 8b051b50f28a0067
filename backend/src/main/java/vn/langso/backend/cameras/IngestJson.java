package vn.langso.backend.cameras;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.QueryParameters;

/**
 * Reads typed values from the JSON body of an ingest request, collecting every invalid field (named by its path,
 * for example {@code detections[2].score}) instead of stopping at the first one.
 */
final class IngestJson {

    /** Agent ids, camera ids, line ids and zone ids: letters, digits and {@code . _ : -}, starting with a letter or digit. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Object classes such as motorbike, bicycle, car, bus, truck, person: lower-case letters and underscores. */
    static final Pattern CLASS = Pattern.compile("[a-z][a-z_]{0,31}");
    /** Dominant colours such as white or red: lower-case letters. */
    static final Pattern COLOUR = Pattern.compile("[a-z]{1,20}");
    /** Times outside this range are rejected, which also bounds the partitions a batch can create. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** Maximum number of invalid fields listed in one error response. The rest are only counted. */
    static final int MAX_REPORTED = 20;

    private final List<InvalidParam> problems = new ArrayList<>();
    private int unreported;

    void invalid(String path, String reason) {
        if (problems.size() < MAX_REPORTED) {
            problems.add(new InvalidParam(path, reason));
        } else {
            unreported++;
        }
    }

    /** Throws the collected problems as one 400 error, if there are any. */
    void throwIfInvalid() {
        if (problems.isEmpty()) {
            return;
        }
        List<InvalidParam> reported = new ArrayList<>(problems);
        if (unreported > 0) {
            reported.add(new InvalidParam("(more)", unreported + " more invalid fields are not listed."));
        }
        throw InvalidParameterException.of(reported);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Reads a required string matching the pattern, or records a problem and returns null. */
    String id(JsonNode parent, String name, String path, Pattern pattern, String example) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            invalid(path, path + " is missing; give it, for example \"" + example + "\".");
            return null;
        }
        if (!node.isString()) {
            invalid(path, path + " must be a string, for example \"" + example + "\"; it is " + kind(node) + ".");
            return null;
        }
        String value = node.asString();
        if (!pattern.matcher(value).matches()) {
            invalid(path, path + " '" + QueryParameters.shorten(value) + "' is invalid; it must match "
                    + pattern.pattern() + ", for example \"" + example + "\".");
            return null;
        }
        return value;
    }

    /** Reads an optional string matching the pattern, or returns null when it is absent or invalid. */
    String optionalId(JsonNode parent, String name, String path, Pattern pattern, String example) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : id(parent, name, path, pattern, example);
    }

    /** Reads a required string that must be one of the allowed values. */
    String oneOf(JsonNode parent, String name, String path, Set<String> allowed) {
        JsonNode node = parent.get(name);
        String choices = String.join(", ", new java.util.TreeSet<>(allowed));
        if (node == null || node.isNull()) {
            invalid(path, path + " is missing; use one of " + choices + ".");
            return null;
        }
        if (!node.isString() || !allowed.contains(node.asString())) {
            invalid(path, path + " " + describe(node) + " is invalid; use one of " + choices + ".");
            return null;
        }
        return node.asString();
    }

    /** Reads a required whole number within [min, max], or records a problem and returns min - 1. */
    long integer(JsonNode parent, String name, String path, long min, long max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            invalid(path, path + " is missing; give a whole number between " + min + " and " + max + ".");
            return min - 1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            invalid(path, path + " " + describe(node) + " is not a whole number; give one between " + min + " and " + max + ".");
            return min - 1;
        }
        long value = node.longValue();
        if (value < min || value > max) {
            invalid(path, path + " " + value + " is out of range; it must be between " + min + " and " + max + ".");
            return min - 1;
        }
        return value;
    }

    /** Reads a required finite number within [min, max], or records a problem and returns NaN. */
    double number(JsonNode parent, String name, String path, double min, double max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            invalid(path, path + " is missing; give a number between " + min + " and " + max + ".");
            return Double.NaN;
        }
        return number(node, path, min, max);
    }

    double number(JsonNode node, String path, double min, double max) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            invalid(path, path + " " + describe(node) + " is not a number; give one between " + min + " and " + max + ".");
            return Double.NaN;
        }
        double value = node.doubleValue();
        if (value < min || value > max) {
            invalid(path, path + " " + value + " is out of range; it must be between " + min + " and " + max + ".");
            return Double.NaN;
        }
        return value;
    }

    /** Reads a required RFC 3339 time with a zone ({@code 2026-12-04T10:00:00Z}) between 2000 and 2100. */
    Instant time(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            invalid(path, path + " is missing; give an RFC 3339 time such as 2026-12-04T10:00:00Z.");
            return null;
        }
        if (!node.isString()) {
            invalid(path, path + " must be an RFC 3339 time string such as 2026-12-04T10:00:00Z; it is " + kind(node) + ".");
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(node.asString().strip()).toInstant();
        } catch (DateTimeParseException e) {
            invalid(path, path + " '" + QueryParameters.shorten(node.asString()) + "' is not an RFC 3339 time with a "
                    + "zone; use the form 2026-12-04T10:00:00Z.");
            return null;
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            invalid(path, path + " " + instant + " is out of range; it must be between " + EARLIEST + " and " + LATEST
                    + ". Check the agent's clock.");
            return null;
        }
        return instant;
    }

    /** Returns the array under the name, an empty list when absent, or null after recording a problem. */
    List<JsonNode> array(JsonNode parent, String name, int maxSize) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            invalid(name, name + " must be an array; it is " + kind(node) + ".");
            return null;
        }
        if (node.size() > maxSize) {
            invalid(name, name + " has " + node.size() + " entries; the maximum per batch is " + maxSize
                    + ". Send smaller batches.");
            return null;
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    static String kind(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    /** Returns a short, one-line rendering of a value for an error message. */
    static String describe(JsonNode node) {
        return node.isString() ? "'" + QueryParameters.shorten(node.asString()) + "'"
                : (node.isArray() || node.isObject()) ? kind(node) : QueryParameters.shorten(node.toString());
    }
}
