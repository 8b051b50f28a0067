package vn.langso.gis.model;

import java.util.Locale;
import java.util.Optional;

/** Level of an administrative unit, as stored in {@code admin_unit.level}. */
public enum AdminLevel {
    PROVINCE, DISTRICT, COMMUNE;

    /** Returns the value of the {@code level} column. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a level in English (province, district, commune) or as the Vietnamese source files write it
     * in a {@code cap} property (tinh, huyen, xa, with or without diacritics).
     */
    public static Optional<AdminLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (vn.langso.gis.text.VietnameseText.fold(text)) {
            case "province", "tinh" -> Optional.of(PROVINCE);
            case "district", "huyen" -> Optional.of(DISTRICT);
            case "commune", "xa" -> Optional.of(COMMUNE);
            default -> Optional.empty();
        };
    }
}
