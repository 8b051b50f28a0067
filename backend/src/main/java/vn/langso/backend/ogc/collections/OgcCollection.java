package vn.langso.backend.ogc.collections;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.langso.backend.web.ProvinceTime;

/**
 * A feature collection of the OGC API: a place layer of the catalog, the current communes or all administrative
 * units. Every SQL fragment here is fixed text or a checked catalog identifier, never request text.
 *
 * @param id             the collection id in URLs
 * @param table          the quoted table name, read under the alias {@code t}
 * @param baseCondition  a condition every feature of the collection meets, or null
 * @param idColumn       the column whose value is the feature id
 * @param idIsText       true when feature ids are text (commune codes), false when they are integers
 * @param geometryType   the GeoJSON geometry type of every feature
 * @param properties     the served and queryable properties, in output order
 * @param temporal       how {@code datetime} selects features
 */
public record OgcCollection(String id, String titleEn, String titleVi, String descriptionEn, String descriptionVi,
                            String table, String baseCondition, String idColumn, boolean idIsText,
                            String geometryType, List<CollectionProperty> properties, Temporal temporal) {

    /**
     * The temporal extent of a feature: one {@code timestamptz} column, or a validity period of two {@code date}
     * columns from {@code start} (inclusive) to {@code end} (exclusive, null while open). Dates count from
     * midnight in Vietnam time, when a decision on administrative units takes effect.
     */
    public record Temporal(String start, String end) {

        /** Returns the SQL timestamptz expression of the start (or only) column of row {@code t}. */
        public String startSql() {
            return asTimestamp(start);
        }

        /** Returns the SQL timestamptz expression of the end column of row {@code t}; only for periods. */
        public String endSql() {
            return asTimestamp(end);
        }

        private String asTimestamp(String column) {
            return isPeriod() ? ProvinceTime.startOfSql("t." + column) : "t." + column;
        }

        public static Temporal instant(String column) {
            return new Temporal(column, null);
        }

        public static Temporal period(String startColumn, String endColumn) {
            return new Temporal(startColumn, endColumn);
        }

        public boolean isPeriod() {
            return end != null;
        }
    }

    /** Returns the title in Vietnamese when {@code locale} is Vietnamese, else in English. */
    public String title(Locale locale) {
        return isVietnamese(locale) ? titleVi : titleEn;
    }

    public String description(Locale locale) {
        return isVietnamese(locale) ? descriptionVi : descriptionEn;
    }

    /** Finds a served property by name. */
    public Optional<CollectionProperty> property(String name) {
        return properties.stream().filter(property -> property.name().equals(name)).findFirst();
    }

    private static boolean isVietnamese(Locale locale) {
        return "vi".equals(locale.getLanguage());
    }
}
