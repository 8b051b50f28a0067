package vn.langso.backend.ogc.collections;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.web.DecimalLimits;
import vn.langso.backend.web.QueryParameters;
import vn.langso.backend.web.Rfc3339;
import vn.langso.gis.text.VietnameseText;

/** The type of a served property: its JSON Schema in the queryables and how a filter value is read. */
public enum PropertyType {

    STRING("string", null),
    INTEGER("integer", null),
    NUMBER("number", null),
    BOOLEAN("boolean", null),
    DATE_TIME("string", "date-time"),
    DATE("string", "date");

    private final String jsonType;
    private final String format;

    PropertyType(String jsonType, String format) {
        this.jsonType = jsonType;
        this.format = format;
    }

    /** Returns the JSON Schema of a property of this type. */
    public Map<String, Object> schema(String title) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", title);
        schema.put("type", jsonType);
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    /**
     * Reads a filter value of this type, to be bound to a SQL parameter. Text is cleaned as stored text is
     * ({@link VietnameseText#clean}: NFC, plain spaces, Đ for the look-alike Ð) and trimmed, because a client may
     * send NFD or text copied with a trailing space.
     */
    public Object parse(String name, String raw) {
        String value = raw.strip();
        try {
            return switch (this) {
                case STRING -> VietnameseText.clean(raw).strip();
                case INTEGER -> Long.parseLong(value);
                case NUMBER -> decimal(name, raw, new BigDecimal(value));
                case BOOLEAN -> parseBoolean(value);
                case DATE_TIME -> Rfc3339.dateTime(value).atOffset(ZoneOffset.UTC);
                case DATE -> Rfc3339.date(value);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + QueryParameters.shorten(raw)
                    + "' is not " + example() + ".");
        }
    }

    /** Rejects a number that the database cannot compare, such as 1e-20000, with a 400 instead of a failed query. */
    private static BigDecimal decimal(String name, String raw, BigDecimal number) {
        DecimalLimits.problem(number).ifPresent(reason -> {
            throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + QueryParameters.shorten(raw)
                    + "' is out of range: " + reason + ".");
        });
        return number;
    }

    private static Boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(value);
        };
    }

    private String example() {
        return switch (this) {
            case STRING -> "text";
            case INTEGER -> "a whole number; use digits only, for example 10";
            case NUMBER -> "a decimal number; use digits with a dot, for example 12.5";
            case BOOLEAN -> "a boolean; use true or false";
            case DATE_TIME -> "an RFC 3339 date-time; use for example 2025-07-01T08:00:00+07:00";
            case DATE -> "a date; use the form YYYY-MM-DD, for example 2025-07-01";
        };
    }
}
