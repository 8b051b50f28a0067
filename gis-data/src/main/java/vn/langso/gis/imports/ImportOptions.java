package vn.langso.gis.imports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import vn.langso.gis.model.AdminLevel;
import vn.langso.gis.model.LayerTarget;
import vn.langso.gis.text.VietnameseText;

/**
 * What an import writes and how it reads the files.
 *
 * @param target      "admin-units" or a layer name of the {@code layer} catalog
 * @param source      value of the {@code source} column; null means the file name of each file
 * @param srid        EPSG code of the input coordinates, overriding what the file declares
 * @param level       administrative level of every unit, overriding the level found in the properties (admin units only)
 * @param validFrom   first day the administrative units are in force (admin units only)
 * @param validTo     first day they are no longer in force, or null while they are current (admin units only)
 * @param keyProperty property whose value identifies a feature across re-imports; null means the feature id,
 *                    or the feature number when a feature has no id
 * @param attributes  properties beyond name, address and the typed columns that go into the {@code properties}
 *                    jsonb of a place layer, which the backend serves publicly. Null means none. Admin units keep
 *                    all their properties because the backend does not serve them.
 */
public record ImportOptions(String target, String source, OptionalInt srid, AdminLevel level, LocalDate validFrom,
                            LocalDate validTo, String keyProperty, Attributes attributes) {

    /** Start of the units created by the reform of 1 July 2025. */
    public static final LocalDate DEFAULT_VALID_FROM = LocalDate.of(2025, 7, 1);

    public ImportOptions {
        Objects.requireNonNull(target, "target");
        srid = srid == null ? OptionalInt.empty() : srid;
        validFrom = validFrom == null ? DEFAULT_VALID_FROM : validFrom;
        attributes = attributes == null ? Attributes.NONE : attributes;
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("valid-to " + validTo + " must be after valid-from " + validFrom);
        }
    }

    /** Options with defaults for a target. */
    public static ImportOptions into(String target) {
        return new ImportOptions(target, null, OptionalInt.empty(), null, null, null, null, null);
    }

    public boolean isAdminUnits() {
        return LayerTarget.ADMIN_UNITS.equals(target);
    }

    public ImportOptions withSource(String newSource) {
        return new ImportOptions(target, newSource, srid, level, validFrom, validTo, keyProperty, attributes);
    }

    public ImportOptions withSrid(int newSrid) {
        return new ImportOptions(target, source, OptionalInt.of(newSrid), level, validFrom, validTo, keyProperty, attributes);
    }

    public ImportOptions withLevel(AdminLevel newLevel) {
        return new ImportOptions(target, source, srid, newLevel, validFrom, validTo, keyProperty, attributes);
    }

    public ImportOptions withValidity(LocalDate from, LocalDate to) {
        return new ImportOptions(target, source, srid, level, from, to, keyProperty, attributes);
    }

    public ImportOptions withKeyProperty(String property) {
        return new ImportOptions(target, source, srid, level, validFrom, validTo, property, attributes);
    }

    public ImportOptions withAttributes(Attributes newAttributes) {
        return new ImportOptions(target, source, srid, level, validFrom, validTo, keyProperty, newAttributes);
    }

    /** Returns the {@code source} value for rows from this file. */
    String sourceFor(Path file) {
        return source != null ? source : file.getFileName().toString();
    }

    /**
     * The extra properties of places that an import stores: none by default, the listed ones, or all of them.
     *
     * @param all  true to keep every extra property
     * @param keys the property names to keep, in NFC, or empty when {@code all} is true
     */
    public record Attributes(boolean all, Set<String> keys) {

        /** Selection of no extra property, the default because the backend serves the stored ones publicly. */
        public static final Attributes NONE = new Attributes(false, Set.of());

        /** Selection of every extra property. */
        public static final Attributes ALL = new Attributes(true, Set.of());

        public Attributes {
            Set<String> normalized = new LinkedHashSet<>();
            for (String key : keys) {
                normalized.add(VietnameseText.nfc(key));
            }
            keys = all ? Set.of() : Set.copyOf(normalized);
        }

        /** Returns the selection of the listed properties, whose names are compared in NFC. */
        public static Attributes of(Set<String> keys) {
            return new Attributes(false, keys);
        }

        /**
         * Parses the value of {@code --attributes}: {@code all}, or property names separated by commas.
         *
         * @throws IllegalArgumentException for an empty value, an empty name, or {@code all} beside names
         */
        public static Attributes parse(String value) {
            String problem = "--attributes '" + value + "' is not a list of property names;"
                    + " expected KEY,KEY,... or all";
            if (value.strip().equals("all")) {
                return ALL;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (String part : value.split(",", -1)) {
                String key = part.strip();
                if (key.isEmpty() || key.equals("all")) {
                    throw new IllegalArgumentException(problem);
                }
                keys.add(key);
            }
            return of(keys);
        }

        /** Returns whether the property with this name, in NFC, is kept. */
        boolean keeps(String key) {
            return all || keys.contains(key);
        }
    }
}
