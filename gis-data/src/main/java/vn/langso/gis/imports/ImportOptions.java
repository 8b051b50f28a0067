package vn.langso.gis.imports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;
import vn.langso.gis.model.AdminLevel;
import vn.langso.gis.model.LayerTarget;

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
 */
public record ImportOptions(String target, String source, OptionalInt srid, AdminLevel level, LocalDate validFrom,
                            LocalDate validTo, String keyProperty) {

    /** Start of the units created by the reform of 1 July 2025. */
    public static final LocalDate DEFAULT_VALID_FROM = LocalDate.of(2025, 7, 1);

    public ImportOptions {
        Objects.requireNonNull(target, "target");
        srid = srid == null ? OptionalInt.empty() : srid;
        validFrom = validFrom == null ? DEFAULT_VALID_FROM : validFrom;
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("valid-to " + validTo + " must be after valid-from " + validFrom);
        }
    }

    /** Options with defaults for a target. */
    public static ImportOptions into(String target) {
        return new ImportOptions(target, null, OptionalInt.empty(), null, null, null, null);
    }

    public boolean isAdminUnits() {
        return LayerTarget.ADMIN_UNITS.equals(target);
    }

    public ImportOptions withSource(String newSource) {
        return new ImportOptions(target, newSource, srid, level, validFrom, validTo, keyProperty);
    }

    public ImportOptions withSrid(int newSrid) {
        return new ImportOptions(target, source, OptionalInt.of(newSrid), level, validFrom, validTo, keyProperty);
    }

    public ImportOptions withLevel(AdminLevel newLevel) {
        return new ImportOptions(target, source, srid, newLevel, validFrom, validTo, keyProperty);
    }

    public ImportOptions withValidity(LocalDate from, LocalDate to) {
        return new ImportOptions(target, source, srid, level, from, to, keyProperty);
    }

    public ImportOptions withKeyProperty(String property) {
        return new ImportOptions(target, source, srid, level, validFrom, validTo, property);
    }

    /** Returns the {@code source} value for rows from this file. */
    String sourceFor(Path file) {
        return source != null ? source : file.getFileName().toString();
    }
}
