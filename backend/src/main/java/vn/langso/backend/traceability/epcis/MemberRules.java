package vn.langso.backend.traceability.epcis;

import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Rules of the structured members of an event: quantity lists, persistent dispositions, and typed lists (business
 * transactions, sources and destinations). Problems go to the {@link EventValidator} of the event.
 */
final class MemberRules {

    private static final Pattern UOM = Pattern.compile("^[A-Z0-9]{2,3}$");

    private final EventValidator validator;

    MemberRules(EventValidator validator) {
        this.validator = validator;
    }

    void quantityList(JsonNode list, String field) {
        if (!list.isArray()) {
            validator.error(field, "must be an array of quantity elements");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String path = field + "[" + i + "]";
            if (!element.isObject()) {
                validator.error(path, "must be an object with epcClass, quantity and uom");
                continue;
            }
            if (!element.has("epcClass")) {
                validator.error(path + ".epcClass", "is missing; a quantity element needs the class of the objects");
            } else {
                validator.uri(element.get("epcClass"), path + ".epcClass");
            }
            if (element.has("quantity") && !element.get("quantity").isNumber()) {
                validator.error(path + ".quantity", "'" + EventValidator.text(element.get("quantity")) + "' is not a number");
            }
            if (element.has("uom") && !(element.get("uom").isString()
                    && UOM.matcher(element.get("uom").stringValue()).matches())) {
                validator.error(path + ".uom", "'" + EventValidator.text(element.get("uom")) + "' is not a UN/CEFACT unit code (2 or 3 "
                        + "capital letters or digits, e.g. KGM)");
            }
            for (String name : element.propertyNames()) {
                if (!Set.of("epcClass", "quantity", "uom").contains(name)) {
                    validator.error(path + "." + name, "is not allowed in a quantity element; use epcClass, quantity and uom only");
                }
            }
        }
    }

    void persistentDisposition(JsonNode node) {
        if (!node.isObject() || (!node.has("set") && !node.has("unset"))) {
            validator.error("persistentDisposition", "must be an object with set and/or unset arrays of dispositions");
            return;
        }
        for (String name : node.propertyNames()) {
            if (!name.equals("set") && !name.equals("unset")) {
                validator.error("persistentDisposition." + name, "is not allowed; use set and unset only");
                continue;
            }
            JsonNode list = node.get(name);
            if (!list.isArray() || list.isEmpty()) {
                validator.error("persistentDisposition." + name, "must be a non-empty array of dispositions");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                validator.vocabulary(list.get(i), "persistentDisposition." + name + "[" + i + "]", EpcisVocabulary.DISPOSITIONS);
            }
        }
    }

    void typedList(JsonNode list, String field, String valueMember, Set<String> types, boolean typeRequired) {
        if (!list.isArray()) {
            validator.error(field, "must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String path = field + "[" + i + "]";
            if (!element.isObject()) {
                validator.error(path, "must be an object with type and " + valueMember);
                continue;
            }
            if (element.has(valueMember)) {
                validator.uri(element.get(valueMember), path + "." + valueMember);
            } else {
                validator.error(path + "." + valueMember, "is missing");
            }
            if (element.has("type")) {
                validator.vocabulary(element.get("type"), path + ".type", types);
            } else if (typeRequired) {
                validator.error(path + ".type", "is missing; expected one of " + String.join(", ", types.stream().sorted().toList())
                        + " or a URI");
            }
            for (String name : element.propertyNames()) {
                if (!name.equals("type") && !name.equals(valueMember)) {
                    validator.error(path + "." + name, "is not allowed; use type and " + valueMember + " only");
                }
            }
        }
    }
}
