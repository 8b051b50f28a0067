package vn.langso.ui.backend;

/**
 * One result of {@code GET /api/v1/communes/search}.
 *
 * @param unitType such as Xã or Phường; empty when unknown
 */
public record CommuneMatch(String code, String name, String unitType, BoundingBox bbox) {

    /** Returns the name with its unit type, such as "Phường Mỹ Trà", unless the name already starts with it. */
    public String displayName() {
        if (unitType == null || unitType.isBlank() || name.startsWith(unitType)) {
            return name;
        }
        return unitType + " " + name;
    }
}
