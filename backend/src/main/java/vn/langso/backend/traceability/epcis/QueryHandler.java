package vn.langso.backend.traceability.epcis;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EPCIS 2.0 query interface: {@code GET /epcis/events} returns an EPCISQueryDocument, paged with
 * {@code perPage} and {@code nextPageToken} and a {@code Link: <...>; rel="next"} header; {@code GET
 * /epcis/events/{eventID}} returns one event. Both are public.
 */
@Component
class QueryHandler {

    static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

    private final EventReader reader;
    private final JsonMapper json;

    QueryHandler(EventReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    Mono<ServerResponse> events(ServerRequest request) {
        EventQuery query = EventQuery.parse(request.queryParams());
        if (!query.problems().isEmpty()) {
            return EpcisProblems.write(json, request, HttpStatus.BAD_REQUEST, EpcisProblems.QUERY_PARAMETER,
                    "Invalid query parameter", query.problems().getFirst().reason(),
                    Map.of("invalidParams", query.problems()));
        }
        return reader.find(query).flatMap(page -> {
            Set<JsonNode> contexts = new LinkedHashSet<>();
            contexts.add(json.getNodeFactory().stringNode(EPCIS_CONTEXT));
            ObjectNode document = json.createObjectNode();
            ArrayNode eventList = json.createArrayNode();
            for (EventReader.StoredJson stored : page.events()) {
                addContext(contexts, stored.context());
                eventList.add(eventOf(stored));
            }
            ArrayNode context = document.putArray("@context");
            contexts.forEach(context::add);
            document.put("type", "EPCISQueryDocument");
            document.put("schemaVersion", "2.0");
            document.put("creationDate", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString());
            ObjectNode results = document.putObject("epcisBody").putObject("queryResults");
            results.put("queryName", "SimpleEventQuery");
            results.putObject("resultsBody").set("eventList", eventList);

            ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(MediaType.APPLICATION_JSON);
            response = standardHeaders(response);
            if (page.more()) {
                String next = UriComponentsBuilder.fromUri(request.uri())
                        .replaceQueryParam("nextPageToken", query.nextPageToken())
                        .build(true)
                        .toUri()
                        .getRawQuery();
                response = response.header("Link", "<" + request.uri().getRawPath() + "?" + next + ">; rel=\"next\"");
            }
            return response.bodyValue(json.writeValueAsString(document));
        });
    }

    Mono<ServerResponse> event(ServerRequest request) {
        String eventId = request.pathVariable("eventID");
        return reader.findById(eventId)
                .flatMap(stored -> {
                    ObjectNode event = eventOf(stored);
                    Set<JsonNode> contexts = new LinkedHashSet<>();
                    addContext(contexts, stored.context());
                    if (contexts.isEmpty()) {
                        contexts.add(json.getNodeFactory().stringNode(EPCIS_CONTEXT));
                    }
                    ObjectNode body = json.createObjectNode();
                    ArrayNode context = body.putArray("@context");
                    contexts.forEach(context::add);
                    event.properties().forEach(member -> {
                        if (!member.getKey().equals("@context")) {
                            body.set(member.getKey(), member.getValue());
                        }
                    });
                    return standardHeaders(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON))
                            .bodyValue(json.writeValueAsString(body));
                })
                .switchIfEmpty(Mono.defer(() -> EpcisProblems.write(json, request, HttpStatus.NOT_FOUND,
                        EpcisProblems.NO_SUCH_RESOURCE, "Event not found", "No event with eventID '"
                                + eventId.replaceAll("[\\r\\n]", " ") + "' was captured. Percent-encode the eventID "
                                + "in the path, or query GET /epcis/events?EQ_eventID=...", Map.of())));
    }

    private ObjectNode eventOf(EventReader.StoredJson stored) {
        ObjectNode event = (ObjectNode) json.readTree(stored.content());
        if (!event.has("eventID")) {
            event.put("eventID", stored.eventId());
        }
        event.put("recordTime", stored.recordTime());
        return event;
    }

    private void addContext(Set<JsonNode> contexts, String context) {
        if (context == null) {
            return;
        }
        JsonNode node = json.readTree(context);
        if (node.isArray()) {
            node.values().forEach(contexts::add);
        } else if (!node.isNull()) {
            contexts.add(node);
        }
    }

    private static ServerResponse.BodyBuilder standardHeaders(ServerResponse.BodyBuilder response) {
        return response.header("GS1-EPCIS-Version", "2.0.0").header("GS1-CBV-Version", "2.0.0");
    }
}
