package vn.langso.backend.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.langso.backend.reports.ReportRecords.Category;

/** The Open311 services (one per report category) and the attributes each one requests. */
final class Open311Services {

    /** One attribute of a service definition. */
    record Attribute(String code, String datatype, boolean required, String description, Map<String, String> values) {
    }

    private static final Attribute HAZARD = new Attribute("hazard", "singlevaluelist", false,
            "Mức độ nguy hiểm (hazard level)", orderedValues("low", "Thấp (low)", "medium", "Vừa (medium)", "high", "Cao (high)"));

    private static final Map<String, List<Attribute>> EXTRA = Map.of(
            "street_light", List.of(new Attribute("pole_number", "string", false,
                    "Số hiệu cột đèn, nếu thấy (pole number)", Map.of())),
            "flooding", List.of(new Attribute("water_depth_cm", "number", false,
                    "Độ sâu ngập, tính bằng cm (water depth in cm)", Map.of())));

    private Open311Services() {
    }

    static List<Attribute> attributes(String serviceCode) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(HAZARD);
        attributes.addAll(EXTRA.getOrDefault(serviceCode, List.of()));
        return attributes;
    }

    static Map<String, Object> service(Category category) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", category.nameVi());
        service.put("description", category.descriptionVi() + " (" + category.nameEn() + ")");
        service.put("metadata", true);
        service.put("type", "realtime");
        service.put("keywords", category.nameEn().toLowerCase(java.util.Locale.ROOT));
        service.put("group", "phan-anh-hien-truong");
        return service;
    }

    static Map<String, Object> definition(Category category) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 1;
        for (Attribute attribute : attributes(category.code())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("variable", true);
            item.put("code", attribute.code());
            item.put("datatype", attribute.datatype());
            item.put("required", attribute.required());
            item.put("datatype_description", null);
            item.put("order", order++);
            item.put("description", attribute.description());
            if (!attribute.values().isEmpty()) {
                List<Map<String, Object>> values = new ArrayList<>();
                attribute.values().forEach((key, name) -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("key", key);
                    value.put("name", name);
                    values.add(value);
                });
                item.put("values", values);
            }
            attributes.add(item);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", attributes);
        return definition;
    }

    private static Map<String, String> orderedValues(String... keysAndNames) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            values.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return values;
    }
}
