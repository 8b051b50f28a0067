package vn.langso.backend.open311;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.media.MediaService;
import vn.langso.backend.media.PreparedMedia;
import vn.langso.backend.media.RandomIds;
import vn.langso.backend.problems.ApiException;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.reports.ReportProblem;
import vn.langso.backend.reports.ReportRecords.Category;
import vn.langso.backend.reports.ReportRecords.NewReport;
import vn.langso.backend.reports.ReportSearch;
import vn.langso.backend.reports.ReportService;
import vn.langso.backend.security.ClientAddress;
import vn.langso.backend.security.CurrentUsers;

/**
 * GeoReport v2 over the reports service: the same submissions and public views as {@code /api/v1/reports}, in
 * Open311's JSON or XML. Errors are Open311 error lists, not problem+json.
 */
@Component
class Open311Handler {

    private static final Logger log = LoggerFactory.getLogger(Open311Handler.class);
    private static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);
    private static final int MAX_MEDIA_URL = 2000;

    private final ReportService reports;
    private final ReportSearch search;
    private final MediaService media;
    private final Open311Properties properties;

    Open311Handler(ReportService reports, ReportSearch search, MediaService media, Open311Properties properties) {
        this.reports = reports;
        this.search = search;
        this.media = media;
        this.properties = properties;
    }

    Mono<ServerResponse> discovery(ServerRequest request) {
        return respond(request, "discovery", Mono.fromSupplier(() -> {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
            endpoint.put("url", baseUrl(request) + "/open311/v2");
            endpoint.put("changeset", properties.changeset());
            endpoint.put("type", "production");
            endpoint.put("formats", List.of("application/json", "text/xml"));
            Map<String, Object> discovery = new LinkedHashMap<>();
            discovery.put("changeset", properties.changeset());
            discovery.put("contact", properties.contact());
            discovery.put("key_service", "Không cần khóa API (no API key is needed)");
            discovery.put("endpoints", List.of(endpoint));
            return discovery;
        }));
    }

    Mono<ServerResponse> services(ServerRequest request) {
        return respond(request, "services", checkJurisdiction(request)
                .thenMany(reports.categories()).map(Open311Services::service).collectList());
    }

    Mono<ServerResponse> definition(ServerRequest request) {
        String code = request.pathVariable("code");
        return respond(request, "service_definition", checkJurisdiction(request)
                .then(reports.categories().filter(category -> category.code().equals(code)).next())
                .switchIfEmpty(Mono.error(() -> ReportProblem.notFound("service_code '" + Open311Requests.shorten(code)
                        + "' is not a service; list them at /open311/v2/services.json.")))
                .map(Open311Services::definition));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Mono<Object> body = checkJurisdiction(request).then(Mono.defer(() -> {
            MultiValueMap<String, String> query = request.queryParams();
            String ids = query.getFirst("service_request_id");
            Flux<vn.langso.backend.reports.ReportRecords.PublicView> views;
            if (ids != null) {
                views = search.publicReports(Open311Requests.ids(ids), null, null, null, null, Open311Requests.MAX_RESULTS);
            } else {
                String codes = query.getFirst("service_code");
                String status = query.getFirst("status");
                Open311Requests.Window window = Open311Requests.window(query.getFirst("start_date"),
                        query.getFirst("end_date"), Instant.now());
                views = search.publicReports(null, codes == null ? null : Open311Requests.split(codes),
                        status == null ? null : Open311Requests.statuses(status), window.from(), window.to(),
                        Open311Requests.MAX_RESULTS);
            }
            return toRequests(request, views);
        }));
        return respond(request, "service_requests", body);
    }

    Mono<ServerResponse> one(ServerRequest request) {
        String raw = request.pathVariable("id");
        Mono<Object> body = checkJurisdiction(request).then(Mono.defer(() -> {
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                return Mono.error(ReportProblem.notFound("No service request has id '" + Open311Requests.shorten(raw) + "'."));
            }
            return toRequests(request, Flux.from(reports.getPublic(id)));
        }));
        return respond(request, "service_requests", body);
    }

    Mono<ServerResponse> token(ServerRequest request) {
        String token = request.pathVariable("token");
        Mono<Object> body = checkJurisdiction(request)
                .then(reports.idForOpen311Token(token))
                .switchIfEmpty(Mono.error(() -> ReportProblem.notFound("No service request was created with token '"
                        + Open311Requests.shorten(token) + "'.")))
                .map(id -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("service_request_id", Long.toString(id));
                    item.put("token", token);
                    return List.of(item);
                });
        return respond(request, "service_requests", body);
    }

    /** POST requests: form fields as GeoReport v2 names them, optionally multipart with a {@code media} file. */
    Mono<ServerResponse> create(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_FORM_URLENCODED);
        Mono<Form> form = MediaType.MULTIPART_FORM_DATA.includes(type)
                ? request.multipartData().flatMap(this::readMultipart)
                : request.formData().map(fields -> new Form(fields, List.of()));
        Mono<Object> body = form.flatMap(received -> CurrentUsers.current().flatMap(user -> {
            MultiValueMap<String, String> fields = received.fields();
            checkJurisdiction(fields.getFirst("jurisdiction_id"));
            Open311Submission submission = Open311Submission.of(fields, MAX_MEDIA_URL);
            String token = RandomIds.token();
            NewReport report = submission.toReport(token);
            return reports.category(submission.serviceCode(), "service_code")
                    .flatMap(category -> reports.submitAs(user, clientAddress(request),
                            report.description() == null ? withDescription(report, category) : report,
                            submission.publicProperties(category.code()), received.files()))
                    .map(id -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("service_request_id", Long.toString(id));
                        item.put("token", token);
                        item.put("service_notice", "Phản ánh đã được tiếp nhận (the report was received).");
                        item.put("account_id", null);
                        return (Object) List.of(item);
                    });
        }));
        return respond(request, "service_requests", body, 201);
    }

    private record Form(MultiValueMap<String, String> fields, List<PreparedMedia> files) {
    }

    private Mono<Form> readMultipart(MultiValueMap<String, Part> parts) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        List<Part> files = new ArrayList<>();
        parts.forEach((name, values) -> values.forEach(part -> {
            if (part instanceof FormFieldPart field) {
                fields.add(name, field.value());
            } else if (name.equals("media")) {
                files.add(part);
            }
        }));
        if (files.size() > media.maxFiles()) {
            return Mono.error(InvalidParameterException.of("media", files.size() + " files were sent; at most "
                    + media.maxFiles() + " are accepted."));
        }
        return Flux.fromIterable(files)
                .concatMap(part -> media.prepare(part.content(), part instanceof FilePart file ? file.filename() : part.name()))
                .collectList()
                .map(prepared -> new Form(fields, prepared));
    }

    private static NewReport withDescription(NewReport report, Category category) {
        return new NewReport(report.category(), category.nameVi(), report.lon(), report.lat(), report.address(),
                report.reporterName(), report.reporterPhone(), report.open311Token());
    }

    private Mono<Object> toRequests(ServerRequest request, Flux<vn.langso.backend.reports.ReportRecords.PublicView> views) {
        String base = baseUrl(request);
        return reports.categories().collectMap(Category::code, Category::nameVi)
                .flatMap(names -> views.map(view -> Open311Requests.request(view, names.get(view.category()), base))
                        .collectList())
                .map(list -> list);
    }

    private Mono<Void> checkJurisdiction(ServerRequest request) {
        return Mono.fromRunnable(() -> checkJurisdiction(request.queryParams().getFirst("jurisdiction_id")));
    }

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.strip().equals(properties.jurisdictionId())) {
            throw ReportProblem.notFound("jurisdiction_id '" + Open311Requests.shorten(jurisdiction)
                    + "' is not served here; use " + properties.jurisdictionId() + " or leave it out.");
        }
    }

    private Mono<ServerResponse> respond(ServerRequest request, String root, Mono<?> body) {
        return respond(request, root, body, 200);
    }

    /** Renders the body in the format of the path's extension, or an Open311 error list in the same format. */
    private Mono<ServerResponse> respond(ServerRequest request, String root, Mono<?> body, int status) {
        String format = request.pathVariable("format");
        boolean xml = format.equals("xml");
        if (!xml && !format.equals("json")) {
            return error(false, 404, "Format '" + Open311Requests.shorten(format) + "' is not served; use .json or .xml.");
        }
        return body
                .flatMap(tree -> ServerResponse.status(status)
                        .contentType(xml ? XML : MediaType.APPLICATION_JSON)
                        .bodyValue(xml ? Open311Writer.xml(root, tree) : Open311Writer.json(tree)))
                .onErrorResume(error -> error(request, xml, error));
    }

    private Mono<ServerResponse> error(ServerRequest request, boolean xml, Throwable error) {
        if (error instanceof ApiException api) {
            return error(xml, api.type().status(), api.detail());
        }
        if (error instanceof ReportProblem problem) {
            return error(xml, problem.status(), problem.detail());
        }
        if (error instanceof ResponseStatusException status) {
            return error(xml, status.getStatusCode().value(), status.getReason() == null
                    ? "The request could not be read." : status.getReason());
        }
        log.error("Open311 request {} {} failed unexpectedly", request.method(),
                request.path().replaceAll("[\\r\\n]", "_"), error);
        return error(xml, 500, "The server failed to process the request; the error is logged. Retry later.");
    }

    private static Mono<ServerResponse> error(boolean xml, int status, String description) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", status);
        item.put("description", description);
        List<Object> errors = List.of(item);
        return ServerResponse.status(status)
                .contentType(xml ? XML : MediaType.APPLICATION_JSON)
                .bodyValue(xml ? Open311Writer.xml("errors", errors) : Open311Writer.json(errors));
    }

    private static String baseUrl(ServerRequest request) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String clientAddress(ServerRequest request) {
        return ClientAddress.of(request.exchange().getRequest());
    }
}
