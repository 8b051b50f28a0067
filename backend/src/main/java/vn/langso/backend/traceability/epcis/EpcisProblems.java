package vn.langso.backend.traceability.epcis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem responses of the {@code /epcis} endpoints, with the exception names of the EPCIS 2.0 REST
 * binding as their {@code type}, so that EPCIS clients can branch on them.
 */
final class EpcisProblems {

    static final String VALIDATION = "epcisException:ValidationException";
    static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    static final String NO_SUCH_RESOURCE = "epcisException:NoSuchResourceException";
    static final String SECURITY = "epcisException:SecurityException";
    static final String CAPTURE_LIMIT = "epcisException:CaptureLimitExceededException";

    private EpcisProblems() {
    }

    /**
     * Writes a problem.
     *
     * @param extensions extra members such as {@code errors}; may be empty
     */
    static Mono<ServerResponse> write(JsonMapper json, ServerRequest request, HttpStatus status, String type,
            String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.path().replaceAll("[\\r\\n]", "_"));
        body.putAll(extensions);
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response = response.header("WWW-Authenticate", "Bearer");
        }
        return response.bodyValue(json.writeValueAsString(body));
    }

    /** Writes a 400 ValidationException listing every broken rule with its event index and field. */
    static Mono<ServerResponse> invalid(JsonMapper json, ServerRequest request, List<ValidationError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().describe()
                : errors.size() + " problems; the first: " + errors.getFirst().describe();
        return write(json, request, HttpStatus.BAD_REQUEST, VALIDATION, "Invalid EPCIS document",
                detail + ". Nothing was stored; fix the document and send it again.", Map.of("errors", errors));
    }
}
