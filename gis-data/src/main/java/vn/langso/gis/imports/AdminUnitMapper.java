package vn.langso.gis.imports;

import java.util.List;
import java.util.Map;
import vn.langso.gis.model.AdminLevel;

/**
 * Maps the properties of an administrative-unit feature to the columns of {@code admin_unit}, with the
 * property names used by the GSO-coded sources: codes {@code ma_xa}, {@code ma_huyen}, {@code ma_tinh}
 * (and their {@code _gso} variants), names {@code ten_xa}, {@code ten}, {@code ten_tinh}, type {@code loai}.
 */
final class AdminUnitMapper {

    /** Columns of one unit, or the reason it cannot be mapped. */
    record AdminUnitRow(String code, String name, AdminLevel level, String unitType, String parentCode,
                        String rejectReason) {

        static AdminUnitRow rejected(String reason) {
            return new AdminUnitRow(null, null, null, null, null, reason);
        }
    }

    private static final List<String> COMMUNE_CODE_KEYS = List.of("code", "ma_xa", "ma_xa_gso");
    private static final List<String> DISTRICT_CODE_KEYS = List.of("code", "ma_huyen", "ma_huyen_gso");
    private static final List<String> PROVINCE_CODE_KEYS = List.of("code", "ma_tinh", "ma_tinh_moi", "id");
    /** Keys that both give the code and reveal the level, tried in this order when no level is known. */
    private static final List<String> LEVEL_REVEALING_CODE_KEYS =
            List.of("ma_xa", "ma_xa_gso", "ma_huyen", "ma_huyen_gso", "ma_tinh", "ma_tinh_moi");
    private static final List<String> NAME_KEYS = List.of("name", "ten_xa", "ten_xa_gso_2025", "ten");
    private static final List<String> PROVINCE_NAME_KEYS = List.of("name", "ten", "ten_tinh");
    private static final List<String> UNIT_TYPE_KEYS = List.of("loai", "unit_type", "type");

    private AdminUnitMapper() {
    }

    /**
     * @param properties    the feature's properties, already in NFC
     * @param levelOverride the level given on the command line, or null
     */
    static AdminUnitRow map(Map<String, Object> properties, AdminLevel levelOverride) {
        AdminLevel level = levelOverride;
        if (level == null) {
            String declared = PropertyValues.text(properties.getOrDefault("level", properties.get("cap")));
            level = AdminLevel.parse(declared).orElse(null);
        }
        if (level == null) {
            String revealing = PropertyValues.firstKeyPresent(properties, LEVEL_REVEALING_CODE_KEYS);
            level = revealing == null ? null : levelOfKey(revealing);
        }
        if (level == null) {
            return AdminUnitRow.rejected("no administrative code: none of " + LEVEL_REVEALING_CODE_KEYS
                    + " is set, and no level is given (property level or cap, or --level) for a 'code' property");
        }

        List<String> codeKeys = codeKeys(level);
        String codeKey = PropertyValues.firstKeyPresent(properties, codeKeys);
        if (codeKey == null) {
            return AdminUnitRow.rejected("no " + level.sqlName() + " code: none of " + codeKeys + " is set");
        }
        List<String> nameKeys = level == AdminLevel.PROVINCE ? PROVINCE_NAME_KEYS : NAME_KEYS;
        String nameKey = PropertyValues.firstKeyPresent(properties, nameKeys);
        if (nameKey == null) {
            return AdminUnitRow.rejected("no name: none of " + nameKeys + " is set");
        }

        String unitTypeKey = PropertyValues.firstKeyPresent(properties, UNIT_TYPE_KEYS);
        String unitType = unitTypeKey == null ? null : PropertyValues.text(properties.get(unitTypeKey));
        UnitName unitName = UnitName.split(PropertyValues.text(properties.get(nameKey)), unitType);
        return new AdminUnitRow(PropertyValues.text(properties.get(codeKey)), unitName.name(),
                level, unitName.unitType(), parentCode(properties, level), null);
    }

    private static AdminLevel levelOfKey(String key) {
        if (key.startsWith("ma_xa")) {
            return AdminLevel.COMMUNE;
        }
        return key.startsWith("ma_huyen") ? AdminLevel.DISTRICT : AdminLevel.PROVINCE;
    }

    private static List<String> codeKeys(AdminLevel level) {
        return switch (level) {
            case COMMUNE -> COMMUNE_CODE_KEYS;
            case DISTRICT -> DISTRICT_CODE_KEYS;
            case PROVINCE -> PROVINCE_CODE_KEYS;
        };
    }

    /** Returns the parent unit's code: a commune's district where the source has one (before 2025), otherwise its province. */
    private static String parentCode(Map<String, Object> properties, AdminLevel level) {
        List<String> parentKeys = switch (level) {
            case COMMUNE -> List.of("parent_code", "ma_huyen_gso", "ma_huyen", "ma_tinh");
            case DISTRICT -> List.of("parent_code", "ma_tinh");
            case PROVINCE -> List.of("parent_code");
        };
        String key = PropertyValues.firstKeyPresent(properties, parentKeys);
        return key == null ? null : PropertyValues.text(properties.get(key));
    }
}
