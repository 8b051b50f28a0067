package vn.langso.backend.traceability.epcis;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.security.CurrentUsers;
import vn.langso.backend.traceability.PartnerTokens;
import vn.langso.backend.traceability.TraceabilityAccess;

/**
 * The EPCIS 2.0 capture interface: {@code POST /epcis/capture} (a document), {@code POST /epcis/events} (one
 * event) and {@code GET /epcis/capture/{captureID}}. A capture is validated whole before anything is stored, so an
 * invalid document gets a 400 naming each event and field and stores nothing.
 */
@Component
class CaptureHandler {

    /** Maximum request body in bytes (16 MiB). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    /**
     * Maximum number of events in one capture.
     *
     * <p>NOTE: events are inserted one statement at a time; whether 10,000 fit in the request timeout
     * (langso.api.request-timeout) has not been measured.
     */
    static final int MAX_EVENTS = 10_000;

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final CaptureService service;
    private final PartnerTokens partnerTokens;
    private final JsonMapper json;

    CaptureHandler(CaptureService service, PartnerTokens partnerTokens, JsonMapper json) {
        this.service = service;
        this.partnerTokens = partnerTokens;
        this.json = json;
    }

    Mono<ServerResponse> captureDocument(ServerRequest request) {
        return capture(request, CaptureValidator::validateDocument);
    }

    Mono<ServerResponse> captureEvent(ServerRequest request) {
        return capture(request, CaptureValidator::validateEvent);
    }

    Mono<ServerResponse> job(ServerRequest request) {
        UUID id;
        try {
            id = UUID.fromString(request.pathVariable("captureID"));
        } catch (IllegalArgumentException e) {
            return Mono.error(new NotFoundException("Capture job '" + request.pathVariable("captureID").replaceAll("[\\r\\n]", " ")
                    + "' does not exist; capture IDs are UUIDs from the Location header of POST /epcis/capture."));
        }
        return service.job(id).flatMap(job -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(job)));
    }

    private Mono<ServerResponse> capture(ServerRequest request, Function<JsonNode, CaptureValidator.Result> validator) {
        boolean partner = partnerTokens.accepts(request.headers().firstHeader(PartnerTokens.HEADER));
        return CurrentUsers.current().flatMap(user -> switch (TraceabilityAccess.capture(user, partner)) {
            case UNAUTHENTICATED -> EpcisProblems.write(json, request, HttpStatus.UNAUTHORIZED, EpcisProblems.SECURITY,
                    "Authentication required", "Capturing EPCIS events needs a partner credential: a user token or the "
                            + PartnerTokens.HEADER + " header.",
                    Map.of());
            case FORBIDDEN -> EpcisProblems.write(json, request, HttpStatus.FORBIDDEN, EpcisProblems.SECURITY,
                    "Forbidden", "Your account may not capture EPCIS events; ask the province administrator for a "
                            + "partner account.", Map.of());
            case ALLOWED -> readAndCapture(request, validator);
        });
    }

    private Mono<ServerResponse> readAndCapture(ServerRequest request, Function<JsonNode, CaptureValidator.Result> validator) {
        MediaType contentType = request.headers().contentType().orElse(MediaType.APPLICATION_JSON);
        if (!contentType.isCompatibleWith(MediaType.APPLICATION_JSON) && !contentType.isCompatibleWith(JSON_LD)) {
            return EpcisProblems.write(json, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "epcisException:UnsupportedMediaType",
                    "Unsupported media type", "Content type " + contentType + " is not accepted; send application/json "
                            + "or application/ld+json.", Map.of());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
                .map(CaptureHandler::toText)
                .defaultIfEmpty("")
                .flatMap(body -> captureText(request, body, validator))
                .onErrorResume(DataBufferLimitException.class, error -> EpcisProblems.write(json, request,
                        HttpStatus.PAYLOAD_TOO_LARGE, EpcisProblems.CAPTURE_LIMIT, "Capture too large",
                        "The request body is larger than " + MAX_BODY_BYTES + " bytes; split the document.", Map.of()));
    }

    private Mono<ServerResponse> captureText(ServerRequest request, String body,
            Function<JsonNode, CaptureValidator.Result> validator) {
        JsonNode document;
        try {
            document = body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return EpcisProblems.write(json, request, HttpStatus.BAD_REQUEST, EpcisProblems.VALIDATION,
                    "Malformed JSON", "The body is not valid JSON: " + e.getOriginalMessage()
                            + ". Send an EPCIS 2.0 JSON or JSON-LD document.", Map.of());
        }
        CaptureValidator.Result result = validator.apply(document);
        if (!result.valid()) {
            return EpcisProblems.invalid(json, request, result.errors());
        }
        if (result.events().size() > MAX_EVENTS) {
            return EpcisProblems.write(json, request, HttpStatus.PAYLOAD_TOO_LARGE, EpcisProblems.CAPTURE_LIMIT,
                    "Capture too large", "The document has " + result.events().size() + " events; at most "
                            + MAX_EVENTS + " are accepted in one capture. Split the document.", Map.of());
        }
        return service.capture(result)
                .flatMap(service::job)
                .flatMap(job -> ServerResponse.accepted()
                        .location(URI.create("/epcis/capture/" + job.captureID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json.writeValueAsString(job)));
    }

    private static String toText(DataBuffer buffer) {
        try {
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
