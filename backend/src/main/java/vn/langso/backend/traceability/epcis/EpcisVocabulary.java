package vn.langso.backend.traceability.epcis;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Standard values of the GS1 Core Business Vocabulary (CBV 2.0) as EPCIS 2.0 JSON writes them: bare words for the
 * standard terms, any other absolute URI for a partner's own term. The full CBV URIs
 * ({@code urn:epcglobal:cbv:...}, {@code https://ns.gs1.org/cbv/...}) are not allowed in JSON, because JSON-LD
 * expands the bare words to them.
 */
final class EpcisVocabulary {

    static final Set<String> EVENT_TYPES = Set.of(
            "ObjectEvent", "AggregationEvent", "AssociationEvent", "TransformationEvent", "TransactionEvent");

    static final Set<String> ACTIONS = Set.of("OBSERVE", "ADD", "DELETE");

    static final Set<String> BIZ_STEPS = Set.of(
            "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
            "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
            "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
            "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing",
            "replacing", "reserving", "retail_selling", "shipping", "staging_outbound", "stock_taking", "stocking",
            "storing", "transporting", "unloading", "unpacking", "void_shipping", "sensor_reporting", "sampling");

    static final Set<String> DISPOSITIONS = Set.of(
            "active", "container_closed", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired",
            "in_progress", "in_transit", "inactive", "no_pedigree_match", "non_sellable_other",
            "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible",
            "sellable_not_accessible", "stolen", "unknown", "available", "completeness_verified",
            "completeness_inferred", "conformant", "container_open", "mismatch_instance", "mismatch_class",
            "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable");

    static final Set<String> BIZ_TRANSACTION_TYPES = Set.of(
            "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd",
            "testres", "upevt");

    static final Set<String> SOURCE_DESTINATION_TYPES = Set.of("owning_party", "possessing_party", "location");

    static final Set<String> ERROR_REASONS = Set.of("did_not_occur", "incorrect_data");

    /** An absolute URI or a compact IRI ({@code prefix:name}): a scheme, a colon and no white space. */
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*");

    private static final Pattern CBV_URI = Pattern.compile("(?i)^(urn:epcglobal:cbv|https?://ns\\.gs1\\.org/cbv/).*");

    private EpcisVocabulary() {
    }

    static boolean isUri(String value) {
        return value != null && URI.matcher(value).matches();
    }

    /** True for a standard bare word of the vocabulary, or a URI that is not a spelled-out CBV URI. */
    static boolean isTermOrOtherUri(Set<String> standardTerms, String value) {
        return standardTerms.contains(value) || (isUri(value) && !CBV_URI.matcher(value).matches());
    }
}
