package vn.langso.ui.backend;

/**
 * One result of {@code GET /api/v1/communes/search}.
 *
 * @param unitType  such as Xã or Phường; empty when unknown
 * @param nowPartOf display name of the current commune that a former commune (before the 1 July 2025
 *                  reform) is now part of. Empty for current communes.
 * @param former    whether the unit no longer exists
 */
public record CommuneMatch(String code, String name, String unitType, BoundingBox bbox, boolean former,
                           String nowPartOf) {

    /** Creates a current commune. */
    public CommuneMatch(String code, String name, String unitType, BoundingBox bbox) {
        this(code, name, unitType, bbox, false, "");
    }

    /** Returns the name with its unit type, such as "Phường Mỹ Trà", unless the name already starts with it. */
    public String displayName() {
        return withUnitType(unitType, name);
    }

    static String withUnitType(String unitType, String name) {
        if (unitType == null || unitType.isBlank() || name.startsWith(unitType)) {
            return name;
        }
        return unitType + " " + name;
    }
}
