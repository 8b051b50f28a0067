package vn.langso.backend.reports;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.media.MediaService;
import vn.langso.backend.media.PreparedMedia;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.reports.ReportAccess.Caller;
import vn.langso.backend.reports.ReportQueries.Filter;
import vn.langso.backend.reports.ReportRecords.MessageRequest;
import vn.langso.backend.reports.ReportRecords.NewReport;
import vn.langso.backend.reports.ReportRecords.RatingRequest;
import vn.langso.backend.reports.ReportRecords.TransitionRequest;
import vn.langso.backend.security.ClientAddress;
import vn.langso.backend.security.CurrentUsers;
import vn.langso.backend.web.Coordinates;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.QueryParameters;

/** HTTP handlers of {@code /api/v1/reports/**} and {@code /api/v1/report-categories}. */
@Component
class ReportHandler {

    static final String TOKEN_HEADER = "X-Report-Token";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportService service;
    private final ReportWorkflow workflow;
    private final ReportSearch search;
    private final MediaService media;
    private final ReportAudit audit;

    ReportHandler(ReportService service, ReportWorkflow workflow, ReportSearch search, MediaService media,
            ReportAudit audit) {
        this.service = service;
        this.workflow = workflow;
        this.search = search;
        this.media = media;
        this.audit = audit;
    }

    Mono<ServerResponse> categories(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        return service.categories().collectList().flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> nearby(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, Set.of("category", "lon", "lat"));
        String category = parameters.string("category").orElseThrow(() -> InvalidParameterException.of("category",
                "category is missing; give the category code of the report being written."));
        Coordinates point = Coordinates.require(parameters);
        return search.nearby(category, point.lon(), point.lat()).flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> inbox(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request,
                Set.of("status", "category", "commune", "overdue", "q", "limit", "offset"));
        List<String> statuses = parameters.string("status").map(ReportHandler::statuses).orElse(null);
        List<String> categories = parameters.string("category").map(ReportHandler::split).orElse(null);
        String commune = parameters.string("commune").orElse(null);
        Boolean overdue = parameters.string("overdue").map(ReportHandler::bool).orElse(null);
        String text = parameters.text("q", 200).map(ReportInput::text).orElse(null);
        Page page = parameters.page(DEFAULT_LIMIT, MAX_LIMIT);
        Filter filter = new Filter(statuses, categories, commune, overdue, text, null, null, null);
        return caller(request).flatMap(caller -> search.inbox(caller, filter, page.limit(), page.offset())
                        .flatMap(list -> audit.read(caller, list, clientAddress(request))))
                .flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> stats(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        return caller(request).flatMap(search::stats).flatMap(ReportHandler::json);
    }

    /** {@code POST /api/v1/reports}: JSON, or multipart with a {@code report} part and {@code media} files. */
    Mono<ServerResponse> submit(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_JSON);
        Mono<Submission> submission = MediaType.MULTIPART_FORM_DATA.includes(type)
                ? request.multipartData().flatMap(this::readMultipart)
                : request.bodyToMono(NewReport.class)
                        .switchIfEmpty(Mono.error(() -> InvalidParameterException.of("body",
                                "The request body is empty; send the report as JSON.")))
                        .map(report -> new Submission(report, List.of()));
        return caller(request)
                .flatMap(caller -> service.limitAnonymous(caller.user(), clientAddress(request)).thenReturn(caller))
                .flatMap(caller -> submission.flatMap(received -> service.submit(caller, received.report(), received.files())))
                .flatMap(submitted -> ServerResponse.created(URI.create("/api/v1/reports/" + submitted.report().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(submitted));
    }

    private record Submission(NewReport report, List<PreparedMedia> files) {
    }

    private Mono<Submission> readMultipart(MultiValueMap<String, Part> parts) {
        List<Part> reportParts = parts.getOrDefault("report", List.of());
        if (reportParts.size() != 1) {
            return Mono.error(InvalidParameterException.of("report", "The multipart body needs exactly one part named "
                    + "'report' with the report as JSON; it has " + reportParts.size() + "."));
        }
        List<Part> files = parts.getOrDefault("media", List.of());
        if (files.size() > media.maxFiles()) {
            return Mono.error(InvalidParameterException.of("media", files.size() + " files were sent; a report takes at most "
                    + media.maxFiles() + " (langso.reports.media.max-files)."));
        }
        Mono<NewReport> report = partText(reportParts.getFirst()).map(ReportHandler::parseReport);
        Mono<List<PreparedMedia>> prepared = Flux.fromIterable(files)
                .concatMap(part -> media.prepare(part.content(), part instanceof FilePart file ? file.filename() : part.name()))
                .collectList();
        return report.zipWith(prepared, Submission::new);
    }

    private static Mono<String> partText(Part part) {
        if (part instanceof FormFieldPart field) {
            return Mono.just(field.value());
        }
        return DataBufferUtils.join(part.content()).map(buffer -> {
            String text = buffer.toString(StandardCharsets.UTF_8);
            DataBufferUtils.release(buffer);
            return text;
        }).defaultIfEmpty("");
    }

    private static NewReport parseReport(String text) {
        try {
            return JSON.readValue(text, NewReport.class);
        } catch (JacksonException e) {
            throw InvalidParameterException.of("report", "The 'report' part is not a valid report JSON object: "
                    + ReportInput.shorten(e.getOriginalMessage()) + ".");
        }
    }

    Mono<ServerResponse> get(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        long id = id(request);
        return caller(request)
                .flatMap(caller -> service.get(caller, id).flatMap(view -> audit.read(caller, view, clientAddress(request))))
                .flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> getPublic(ServerRequest request) {
        QueryParameters.of(request, Set.of());
        return service.getPublic(id(request)).flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> transition(ServerRequest request) {
        long id = id(request);
        return request.bodyToMono(TransitionRequest.class)
                .defaultIfEmpty(new TransitionRequest(null, null, null, null))
                .map(ReportWorkflow.TransitionCheck::of)
                .flatMap(check -> caller(request).flatMap(caller -> workflow.transition(caller, id, check)
                        .flatMap(view -> audit.read(caller, view, clientAddress(request)))))
                .flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> messages(ServerRequest request) {
        long id = id(request);
        return caller(request).flatMap(caller -> workflow.messages(caller, id).collectList()).flatMap(ReportHandler::json);
    }

    Mono<ServerResponse> postMessage(ServerRequest request) {
        long id = id(request);
        return request.bodyToMono(MessageRequest.class).defaultIfEmpty(new MessageRequest(null))
                .flatMap(body -> caller(request).flatMap(caller -> workflow.postMessage(caller, id, body)))
                .flatMap(message -> ServerResponse.status(201).contentType(MediaType.APPLICATION_JSON).bodyValue(message));
    }

    Mono<ServerResponse> rate(ServerRequest request) {
        long id = id(request);
        return request.bodyToMono(RatingRequest.class).defaultIfEmpty(new RatingRequest(null, null))
                .flatMap(body -> caller(request).flatMap(caller -> workflow.rate(caller, id, body)))
                .flatMap(ReportHandler::json);
    }

    static Mono<Caller> caller(ServerRequest request) {
        String token = request.headers().firstHeader(TOKEN_HEADER);
        String hash = token == null || token.isBlank() ? null : ReportService.hash(token.strip());
        return CurrentUsers.current().map(user -> new Caller(user, hash));
    }

    private static long id(ServerRequest request) {
        String raw = request.pathVariable("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No report has id '" + ReportInput.shorten(raw) + "'; report ids are whole numbers.");
        }
    }

    private static String clientAddress(ServerRequest request) {
        return ClientAddress.of(request.exchange().getRequest());
    }

    private static List<String> split(String raw) {
        return Arrays.stream(raw.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private static List<String> statuses(String raw) {
        List<String> values = new ArrayList<>();
        for (String value : split(raw)) {
            if (ReportStatus.parse(value).isEmpty()) {
                throw InvalidParameterException.of("status", "status '" + ReportInput.shorten(value)
                        + "' is not a report status; use received, assigned, in_progress, resolved, closed, rejected or reopened.");
            }
            values.add(value);
        }
        return values;
    }

    private static Boolean bool(String raw) {
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidParameterException.of("overdue", "overdue '" + ReportInput.shorten(raw)
                    + "' must be true or false.");
        };
    }

    private static Mono<ServerResponse> json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}
