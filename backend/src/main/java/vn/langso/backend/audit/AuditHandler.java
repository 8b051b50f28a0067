package vn.langso.backend.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.security.ClientAddress;
import vn.langso.backend.security.CurrentUsers;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.QueryParameters;

/** {@code GET /api/v1/admin/audit}: searches the audit log for province administrators. */
@Component
class AuditHandler {

    private static final Set<String> PARAMETERS = Set.of("actor", "action", "outcome", "target", "from", "to", "limit", "offset");
    private static final Set<String> OUTCOMES = Set.of("success", "failure", "denied");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final AuditAccess access;
    private final AuditRepository repository;
    private final AuditLog auditLog;

    AuditHandler(AuditAccess access, AuditRepository repository, AuditLog auditLog) {
        this.access = access;
        this.repository = repository;
        this.auditLog = auditLog;
    }

    Mono<ServerResponse> search(ServerRequest request) {
        return CurrentUsers.current().flatMap(user -> {
            access.checkSearch(user);
            AuditQuery query = parse(request);
            // The log contains phone numbers and addresses, so reading it is itself recorded.
            AuditEntry read = AuditEntry.of(user, "audit.search", AuditEntry.Outcome.SUCCESS, "audit_log",
                    ClientAddress.of(request.exchange().getRequest())).withDetails(filters(query));
            return auditLog.record(read)
                    .then(Mono.zip(repository.search(query).collectList(), repository.count(query)))
                    .flatMap(result -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("numberMatched", result.getT2());
                        body.put("numberReturned", result.getT1().size());
                        body.put("limit", query.page().limit());
                        body.put("offset", query.page().offset());
                        body.put("entries", result.getT1());
                        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    });
        });
    }

    private static AuditQuery parse(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, PARAMETERS);
        Optional<String> outcome = parameters.string("outcome").map(String::strip);
        if (outcome.isPresent() && !OUTCOMES.contains(outcome.get())) {
            throw InvalidParameterException.of("outcome", "Parameter 'outcome' value '" + QueryParameters.shorten(outcome.get())
                    + "' is not an outcome; use success, failure or denied.");
        }
        Page page = parameters.page(DEFAULT_LIMIT, MAX_LIMIT);
        return new AuditQuery(nonBlank(parameters, "actor"), nonBlank(parameters, "action"), outcome.orElse(null),
                nonBlank(parameters, "target"), time(parameters, "from"), time(parameters, "to"), page);
    }

    private static String nonBlank(QueryParameters parameters, String name) {
        return parameters.string(name).map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
    }

    private static OffsetDateTime time(QueryParameters parameters, String name) {
        return parameters.string(name).map(raw -> {
            try {
                return OffsetDateTime.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw InvalidParameterException.of(name, "Parameter '" + name + "' value '" + QueryParameters.shorten(raw)
                        + "' is not a time; use RFC 3339 with an offset, for example 2026-12-01T00:00:00+07:00.");
            }
        }).orElse(null);
    }

    private static Map<String, Object> filters(AuditQuery query) {
        Map<String, Object> filters = new LinkedHashMap<>();
        putIfSet(filters, "actor", query.actor());
        putIfSet(filters, "action", query.action());
        putIfSet(filters, "outcome", query.outcome());
        putIfSet(filters, "target", query.target());
        putIfSet(filters, "from", query.from() == null ? null : query.from().toString());
        putIfSet(filters, "to", query.to() == null ? null : query.to().toString());
        return filters;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
