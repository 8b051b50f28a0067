package vn.langso.backend.traceability.epcis;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.sql.SqlStatement;

/**
 * The query parameters of {@code GET /epcis/events} (EPCIS 2.0 SimpleEventQuery over REST) turned into bound SQL
 * conditions. List values are separated by {@code |}. Two spatial parameters extend the standard: {@code commune}
 * (events whose read point lies in that current commune) and {@code within} (a GeoJSON Polygon or MultiPolygon).
 */
final class EventQuery {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 1000;

    private static final Pattern COMMUNE_CODE = Pattern.compile("^\\d{5}$");
    private static final Pattern CBV_PREFIX = Pattern.compile(
            "^(urn:epcglobal:cbv:(bizstep|disp):|https?://ns\\.gs1\\.org/cbv/(BizStep|Disp)-|https?://ref\\.gs1\\.org/cbv/(BizStep|Disp)-)");

    /** Identifier roles searched by each MATCH_ parameter. */
    private static final Map<String, List<String>> MATCH_ROLES = Map.of(
            "MATCH_epc", List.of("epc", "child"),
            "MATCH_parentID", List.of("parent"),
            "MATCH_inputEPC", List.of("input"),
            "MATCH_outputEPC", List.of("output"),
            "MATCH_anyEPC", List.of("epc", "child", "parent", "input", "output"),
            "MATCH_epcClass", List.of("epc_class", "child_class"),
            "MATCH_inputEPCClass", List.of("input_class"),
            "MATCH_outputEPCClass", List.of("output_class"),
            "MATCH_anyEPCClass", List.of("epc_class", "child_class", "input_class", "output_class"));

    private static final Map<String, String> EQUAL_COLUMNS = Map.of(
            "EQ_action", "action",
            "EQ_bizStep", "biz_step",
            "EQ_disposition", "disposition",
            "EQ_readPoint", "read_point",
            "WD_readPoint", "read_point",
            "EQ_bizLocation", "biz_location",
            "WD_bizLocation", "biz_location",
            "EQ_eventID", "event_id",
            "eventType", "event_type");

    private static final Map<String, String> TIME_CONDITIONS = Map.of(
            "GE_eventTime", "e.event_time >= ",
            "LT_eventTime", "e.event_time < ",
            "GE_recordTime", "e.record_time >= ",
            "LT_recordTime", "e.record_time < ");

    static final Set<String> ACCEPTED;

    static {
        Set<String> accepted = new TreeSet<>();
        accepted.addAll(MATCH_ROLES.keySet());
        accepted.addAll(EQUAL_COLUMNS.keySet());
        accepted.addAll(TIME_CONDITIONS.keySet());
        accepted.addAll(List.of("EQ_transformationID", "EXISTS_errorDeclaration", "orderBy", "orderDirection",
                "perPage", "nextPageToken", "commune", "within"));
        ACCEPTED = Set.copyOf(accepted);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SqlStatement statement = new SqlStatement();
    private final List<InvalidParam> problems = new ArrayList<>();
    private String orderColumn = "e.event_time";
    private boolean descending;
    private int perPage = DEFAULT_PER_PAGE;
    private long offset;
    private String within;
    private String commune;
    private int bindCount;

    private EventQuery() {
    }

    /** Parses the parameters; {@link #problems()} lists every invalid one. */
    static EventQuery parse(MultiValueMap<String, String> parameters) {
        EventQuery query = new EventQuery();
        for (String name : new TreeSet<>(parameters.keySet())) {
            List<String> values = parameters.get(name);
            if (!ACCEPTED.contains(name)) {
                query.problems.add(new InvalidParam(name, "Unknown query parameter '" + name + "'. Accepted: "
                        + String.join(", ", new TreeSet<>(ACCEPTED)) + "."));
            } else if (values.size() > 1) {
                query.problems.add(new InvalidParam(name, "Parameter '" + name + "' is given " + values.size()
                        + " times; give it once and separate several values with |."));
            } else {
                query.add(name, values.getFirst());
            }
        }
        return query;
    }

    private void add(String name, String value) {
        if (MATCH_ROLES.containsKey(name)) {
            match(name, value);
        } else if (EQUAL_COLUMNS.containsKey(name)) {
            equal(name, value);
        } else if (TIME_CONDITIONS.containsKey(name)) {
            time(name, value);
        } else {
            switch (name) {
                case "EQ_transformationID" -> {
                    String param = bind(values(value).toArray(String[]::new));
                    statement.where("e.content ->> 'transformationID' = ANY(" + param + ")");
                }
                case "EXISTS_errorDeclaration" -> statement.where("e.content -> 'errorDeclaration' IS NOT NULL");
                case "orderBy" -> orderBy(value);
                case "orderDirection" -> orderDirection(value);
                case "perPage" -> perPage(value);
                case "nextPageToken" -> pageToken(value);
                case "commune" -> commune(value);
                case "within" -> within(value);
                default -> throw new IllegalStateException("Parameter " + name + " is accepted but not handled");
            }
        }
    }

    private void match(String name, String value) {
        List<String> exact = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (String item : values(value)) {
            if (item.endsWith("*")) {
                // An EPC pattern such as urn:epc:idpat:sgtin:0614141.107346.* matches every serial of the class.
                String prefix = item.substring(0, item.length() - 1).replace("urn:epc:idpat:", "urn:epc:id:");
                patterns.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                exact.add(item);
            }
        }
        String roles = bind(MATCH_ROLES.get(name).toArray(String[]::new));
        List<String> alternatives = new ArrayList<>();
        if (!exact.isEmpty()) {
            alternatives.add("i.value = ANY(" + bind(exact.toArray(String[]::new)) + ")");
        }
        if (!patterns.isEmpty()) {
            alternatives.add("i.value LIKE ANY(" + bind(patterns.toArray(String[]::new)) + ")");
        }
        statement.where("EXISTS (SELECT 1 FROM epcis_event_epc i WHERE i.event_pk = e.id AND i.role = ANY(" + roles
                + ") AND (" + String.join(" OR ", alternatives) + "))");
    }

    private void equal(String name, String value) {
        List<String> items = values(value);
        if (name.equals("EQ_bizStep") || name.equals("EQ_disposition")) {
            items = items.stream().map(item -> CBV_PREFIX.matcher(item).replaceFirst("")).toList();
        }
        statement.where("e." + EQUAL_COLUMNS.get(name) + " = ANY(" + bind(items.toArray(String[]::new)) + ")");
    }

    private void time(String name, String value) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.strip().replace(' ', '+'));
            statement.where(TIME_CONDITIONS.get(name) + bind(time));
        } catch (DateTimeParseException e) {
            problems.add(new InvalidParam(name, "'" + value + "' is not a date-time with an offset; expected e.g. "
                    + "2026-07-22T06:45:00%2B07:00 or 2026-07-21T23:45:00Z."));
        }
    }

    private void orderBy(String value) {
        switch (value) {
            case "eventTime" -> orderColumn = "e.event_time";
            case "recordTime" -> orderColumn = "e.record_time";
            default -> problems.add(new InvalidParam("orderBy", "'" + value + "' is not sortable; use eventTime or recordTime."));
        }
    }

    private void orderDirection(String value) {
        switch (value) {
            case "ASC" -> descending = false;
            case "DESC" -> descending = true;
            default -> problems.add(new InvalidParam("orderDirection", "'" + value + "' is not a direction; use ASC or DESC."));
        }
    }

    private void perPage(String value) {
        try {
            perPage = Integer.parseInt(value);
            if (perPage < 1 || perPage > MAX_PER_PAGE) {
                problems.add(new InvalidParam("perPage", "perPage " + value + " is out of range; use 1 to " + MAX_PER_PAGE + "."));
            }
        } catch (NumberFormatException e) {
            problems.add(new InvalidParam("perPage", "'" + value + "' is not a whole number; use 1 to " + MAX_PER_PAGE + "."));
        }
    }

    private void pageToken(String value) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            if (!decoded.startsWith("offset:")) {
                throw new IllegalArgumentException("no offset");
            }
            offset = Long.parseLong(decoded.substring("offset:".length()));
            if (offset < 0) {
                throw new IllegalArgumentException("negative offset");
            }
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidParam("nextPageToken", "'" + value + "' is not a page token of this server; "
                    + "use the nextPageToken of the previous response's Link header."));
        }
    }

    private void commune(String value) {
        if (!COMMUNE_CODE.matcher(value).matches()) {
            problems.add(new InvalidParam("commune", "'" + value + "' is not a commune code (5 digits); see "
                    + "/api/v1/communes for the codes."));
            return;
        }
        commune = value;
        statement.where("e.commune_code = " + bind(value));
    }

    private void within(String value) {
        String type;
        try {
            JsonNode geometry = JSON.readTree(value);
            type = geometry.path("type").asString("");
            if (!geometry.path("coordinates").isArray()) {
                type = "";
            }
        } catch (JacksonException e) {
            type = "";
        }
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            problems.add(new InvalidParam("within", "'" + abbreviate(value) + "' is not a GeoJSON Polygon or "
                    + "MultiPolygon; give e.g. {\"type\":\"Polygon\",\"coordinates\":[[[105.6,10.4],[105.7,10.4],"
                    + "[105.7,10.5],[105.6,10.4]]]} in WGS 84 longitude, latitude order."));
            return;
        }
        within = value;
        statement.where("ST_Intersects(e.geom, ST_SetSRID(ST_GeomFromGeoJSON(" + bind(value) + "), 4326))");
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    private String bind(Object value) {
        String name = "p" + bindCount++;
        statement.bind(name, value);
        return ":" + name;
    }

    private static List<String> values(String value) {
        return Arrays.stream(value.split("\\|")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /** Returns the token of the page after this one. */
    String nextPageToken() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + (offset + perPage)).getBytes(StandardCharsets.UTF_8));
    }

    List<InvalidParam> problems() {
        return problems;
    }

    /** Returns the GeoJSON polygon of the {@code within} parameter, or {@code null}. */
    String within() {
        return within;
    }

    String commune() {
        return commune;
    }

    SqlStatement statement() {
        return statement;
    }

    String orderClause() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + orderColumn + direction + ", e.id" + direction;
    }

    int perPage() {
        return perPage;
    }

    long offset() {
        return offset;
    }
}
