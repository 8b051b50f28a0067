package vn.langso.ui.analyses;

import java.util.Locale;
import java.util.Optional;

/** The measure a choropleth shows per commune. */
public enum Measure {
    COUNT, DENSITY, SHARE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Measure> fromCode(String code) {
        for (Measure measure : values()) {
            if (measure.code().equals(code)) {
                return Optional.of(measure);
            }
        }
        return Optional.empty();
    }
}
