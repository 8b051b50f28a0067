package vn.langso.gis.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.text.VietnameseText;

/** Helpers for the attribute values of a feature: NFC normalisation, look-up by alternative keys, JSON. */
final class PropertyValues {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PropertyValues() {
    }

    /** Returns a copy with every string key and value, also nested ones, in NFC. */
    static Map<String, Object> normalized(Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        properties.forEach((key, value) -> result.put(VietnameseText.nfc(key), normalizedValue(value)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object normalizedValue(Object value) {
        if (value instanceof String text) {
            return VietnameseText.clean(text);
        }
        if (value instanceof Map<?, ?> map) {
            return normalized((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(normalizedValue(item)));
            return result;
        }
        return value;
    }

    /** Returns the first of {@code keys} that has a non-blank value, or null. */
    static String firstKeyPresent(Map<String, Object> properties, List<String> keys) {
        for (String key : keys) {
            if (text(properties.get(key)) != null) {
                return key;
            }
        }
        return null;
    }

    /** Converts a value to trimmed text, or null when it is null or blank. Numbers without a fraction lose ".0". */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return Long.toString((long) number);
            }
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
