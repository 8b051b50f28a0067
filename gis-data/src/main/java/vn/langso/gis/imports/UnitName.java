package vn.langso.gis.imports;

import java.util.List;
import vn.langso.gis.text.VietnameseText;

/**
 * The name of an administrative unit without its unit type, and the type. Sources disagree: the 2025 list
 * gives "Mỹ Trà" with type "Phường", older lists give "Xã Tân Thuận Tây" or "Tỉnh Đồng Tháp". Names are
 * stored the first way, so search and labels treat units of every period alike.
 *
 * @param unitType such as Xã, Phường, Huyện; null when neither the source nor the name gives one
 */
record UnitName(String name, String unitType) {

    /** Unit types that open a name, longest first so that "Thành phố" wins over shorter matches. */
    private static final List<String> UNIT_TYPES = List.of("Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Tỉnh", "Xã");

    /**
     * Splits a leading unit type off the name. Numbered units keep it in their name ("Phường 1" stays
     * "Phường 1"), because the number alone names nothing.
     */
    static UnitName split(String name, String declaredUnitType) {
        String composedName = VietnameseText.clean(name).strip();
        String composedType = declaredUnitType == null || declaredUnitType.isBlank() ? null
                : VietnameseText.clean(declaredUnitType).strip();

        for (String unitType : UNIT_TYPES) {
            if (!composedName.startsWith(unitType + " ")) {
                continue;
            }
            String rest = composedName.substring(unitType.length() + 1).strip();
            String type = composedType != null ? composedType : unitType;
            if (rest.isEmpty() || rest.chars().allMatch(Character::isDigit)) {
                return new UnitName(composedName, type);
            }
            return new UnitName(rest, type);
        }
        return new UnitName(composedName, composedType);
    }
}
