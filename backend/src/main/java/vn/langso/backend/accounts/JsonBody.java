package vn.langso.backend.accounts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;

/**
 * A request's JSON object body with typed field readers; every problem names the field (as {@code invalidParams})
 * and what to send instead. Text values are returned in Unicode NFC.
 */
final class JsonBody {

    /** Largest body read; account requests are a few hundred bytes. */
    static final int MAX_BYTES = 16 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;
    private final List<InvalidParam> problems = new ArrayList<>();

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** Reads and parses the body; an empty, oversized, malformed or non-object body fails with a 400 problem. */
    static Mono<JsonBody> read(ServerRequest request) {
        return request.bodyToMono(String.class)
                .onErrorMap(DataBufferLimitException.class, error -> InvalidParameterException.of("body",
                        "The request body is larger than " + MAX_BYTES + " bytes; send only the documented fields."))
                .defaultIfEmpty("")
                .map(text -> {
                    if (text.length() > MAX_BYTES) {
                        throw InvalidParameterException.of("body", "The request body is larger than " + MAX_BYTES
                                + " bytes; send only the documented fields.");
                    }
                    if (text.isBlank()) {
                        throw InvalidParameterException.of("body", "The request body is empty; send a JSON object.");
                    }
                    JsonNode root;
                    try {
                        root = JSON.readTree(text);
                    } catch (JacksonException e) {
                        throw InvalidParameterException.of("body", "The request body is not valid JSON ("
                                + e.getOriginalMessage() + "); send a JSON object.");
                    }
                    if (root == null || !root.isObject()) {
                        throw InvalidParameterException.of("body", "The request body must be a JSON object.");
                    }
                    return new JsonBody(root);
                });
    }

    /** Reads a required text field. */
    String requiredText(String field, int maxLength) {
        return text(field, maxLength).orElseGet(() -> {
            if (!root.has(field) || root.get(field).isNull()) {
                problems.add(new InvalidParam(field, "Field '" + field + "' is missing; send it as a string."));
            }
            return null;
        });
    }

    /** Reads an optional text field, NFC-normalized and trimmed; blank counts as absent. */
    Optional<String> text(String field, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            problems.add(new InvalidParam(field, "Field '" + field + "' must be a string, not " + kind(value) + "."));
            return Optional.empty();
        }
        String text = Normalizer.normalize(value.asString(), Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            problems.add(new InvalidParam(field, "Field '" + field + "' is empty; give a value."));
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(new InvalidParam(field, "Field '" + field + "' is " + text.codePointCount(0, text.length())
                    + " characters long; the maximum is " + maxLength + "."));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** Reads a secret such as a password exactly as sent (no trimming), or null with a problem when missing. */
    String secret(String field, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull() || !value.isString() || value.asString().isEmpty()) {
            problems.add(new InvalidParam(field, "Field '" + field + "' is missing or not a non-empty string."));
            return null;
        }
        String text = Normalizer.normalize(value.asString(), Normalizer.Form.NFC);
        if (text.length() > maxLength) {
            problems.add(new InvalidParam(field, "Field '" + field + "' is longer than " + maxLength + " characters."));
            return null;
        }
        return text;
    }

    /** Reads an optional array of strings, each trimmed and NFC-normalized; absent gives an empty set. */
    Set<String> textSet(String field, int maxItems, int maxLength) {
        JsonNode value = root.get(field);
        Set<String> items = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            problems.add(new InvalidParam(field, "Field '" + field + "' must be an array of strings, not " + kind(value) + "."));
            return items;
        }
        if (value.size() > maxItems) {
            problems.add(new InvalidParam(field, "Field '" + field + "' has " + value.size() + " items; the maximum is "
                    + maxItems + "."));
            return items;
        }
        for (JsonNode item : value) {
            String text = item.isString() ? Normalizer.normalize(item.asString(), Normalizer.Form.NFC).strip() : "";
            if (text.isEmpty() || text.length() > maxLength) {
                problems.add(new InvalidParam(field, "Field '" + field + "' must hold non-empty strings of at most "
                        + maxLength + " characters; found " + (item.isString() ? "'" + shorten(text) + "'" : kind(item)) + "."));
                return items;
            }
            items.add(text);
        }
        return items;
    }

    /** Reads a required boolean field. */
    Boolean requiredBoolean(String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isBoolean()) {
            problems.add(new InvalidParam(field, "Field '" + field + "' must be true or false."));
            return null;
        }
        return value.asBoolean();
    }

    /** Adds a problem found by the caller's own checks. */
    void reject(String field, String reason) {
        problems.add(new InvalidParam(field, reason));
    }

    /** Fails with every problem found so far, reported together. */
    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw InvalidParameterException.of(problems);
        }
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "null";
        };
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
