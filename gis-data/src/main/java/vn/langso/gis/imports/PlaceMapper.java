package vn.langso.gis.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.langso.gis.model.LayerTarget;

/**
 * Maps the properties of a place feature to a layer table: name, address, the layer's typed columns
 * (converted to the column's SQL type) and, of the remaining properties, those the operator chose with
 * {@code --attributes} for the {@code properties} jsonb. The others are dropped, because the backend serves
 * that jsonb publicly.
 */
final class PlaceMapper {

    static final List<String> NAME_KEYS = List.of("name", "ten", "title");
    static final List<String> ADDRESS_KEYS = List.of("address", "dia_chi");

    /**
     * Columns of one place, or the reason it cannot be mapped.
     *
     * @param otherProperties the kept extra properties, for the {@code properties} jsonb
     * @param droppedKeys     names of the extra properties that were not kept
     */
    record PlaceRow(String name, String address, Map<String, Object> typedValues, Map<String, Object> otherProperties,
                    List<String> droppedKeys, String rejectReason) {

        static PlaceRow rejected(String reason) {
            return new PlaceRow(null, null, Map.of(), Map.of(), List.of(), reason);
        }
    }

    private PlaceMapper() {
    }

    /**
     * @param properties the feature's properties, already in NFC
     * @param attributes the extra properties to keep
     */
    static PlaceRow map(Map<String, Object> properties, LayerTarget layer, ImportOptions.Attributes attributes) {
        String nameKey = PropertyValues.firstKeyPresent(properties, NAME_KEYS);
        if (nameKey == null) {
            return PlaceRow.rejected("no name: none of " + NAME_KEYS + " is set");
        }
        String addressKey = PropertyValues.firstKeyPresent(properties, ADDRESS_KEYS);

        Map<String, Object> typedValues = new LinkedHashMap<>();
        Map<String, Object> other = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String key = entry.getKey();
            if (key.equals(nameKey) || key.equals(addressKey)) {
                continue;
            }
            String sqlType = layer.typedColumns().get(key);
            if (sqlType == null) {
                if (attributes.keeps(key)) {
                    other.put(key, entry.getValue());
                } else {
                    dropped.add(key);
                }
                continue;
            }
            if (entry.getValue() == null) {
                continue;
            }
            try {
                typedValues.put(key, convert(entry.getValue(), sqlType));
            } catch (IllegalArgumentException e) {
                return PlaceRow.rejected("property " + key + " = '" + entry.getValue() + "' is not a valid " + sqlType
                        + ": " + e.getMessage());
            }
        }
        String address = addressKey == null ? null : PropertyValues.text(properties.get(addressKey));
        return new PlaceRow(PropertyValues.text(properties.get(nameKey)), address, typedValues, other, dropped, null);
    }

    /** Converts a property value to the Java type JDBC binds for the column's SQL type. */
    static Object convert(Object value, String sqlType) {
        return switch (sqlType) {
            case "integer", "smallint", "bigint" -> toLong(value);
            case "numeric", "double precision", "real" -> toDecimal(value);
            case "boolean" -> toBoolean(value);
            case "timestamp with time zone" -> toTimestamp(value);
            case "date" -> LocalDate.parse(value.toString().strip());
            default -> value instanceof Map<?, ?> || value instanceof List<?> ? PropertyValues.toJson(value)
                    : value.toString();
        };
    }

    private static long toLong(Object value) {
        BigDecimal decimal = toDecimal(value);
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof Boolean) {
            throw new IllegalArgumentException("expected a number");
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number");
        }
    }

    private static boolean toBoolean(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "có", "co" -> true;
            case "false", "no", "0", "không", "khong" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static OffsetDateTime toTimestamp(Object value) {
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notWithOffset) {
            try {
                // A date alone is taken as midnight in Vietnam (UTC+7).
                return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.ofHours(7));
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("expected an ISO 8601 timestamp such as 2026-03-01T08:30:00+07:00");
            }
        }
    }
}
