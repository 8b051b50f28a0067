package vn.langso.backend.exports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.langso.backend.layers.CommuneCodeCheck;
import vn.langso.backend.layers.FeatureFilter;
import vn.langso.backend.layers.LayerCatalog;
import vn.langso.backend.layers.LayerDefinition;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.ServerBusyException;
import vn.langso.backend.web.QueryParameters;

/**
 * {@code GET /api/v1/layers/{layer}/export}: the places of a layer matching the feature filters, as a
 * downloaded GeoJSON, CSV or GeoPackage file. GeoJSON and CSV are written while the rows arrive. A
 * GeoPackage is written to a temporary file in batches, then sent and deleted.
 *
 * <p>At most {@code langso.exports.max-concurrent} exports run at once. An export beyond that is rejected with
 * 503 {@code /problems/server-busy} before any byte of its body is sent. The slot of an export is released when
 * its body completes, fails or is cancelled, or when the request ends before the body started.
 */
@Component
class ExportHandler {

    private static final Logger log = LoggerFactory.getLogger(ExportHandler.class);
    private static final Set<String> PARAMETERS = parameters();
    /** The file name carries the date in Vietnam, where the users are. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int GEOPACKAGE_ROWS_PER_BATCH = 1000;
    private static final int FILE_READ_BUFFER_BYTES = 64 * 1024;
    private static final Duration REJECTION_REPORT_INTERVAL = Duration.ofMinutes(1);

    private final LayerCatalog catalog;
    private final ExportRepository exports;
    private final CommuneCodeCheck communeCheck;
    private final ExportLimiter limiter;
    private final RejectionCounter rejections = new RejectionCounter(REJECTION_REPORT_INTERVAL);
    private final Duration retryAfter;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    ExportHandler(LayerCatalog catalog, ExportRepository exports, CommuneCodeCheck communeCheck,
                  ExportLimiter limiter, ExportProperties properties) {
        this.catalog = catalog;
        this.exports = exports;
        this.communeCheck = communeCheck;
        this.limiter = limiter;
        this.retryAfter = properties.retryAfter();
    }

    Mono<ServerResponse> export(ServerRequest request) {
        QueryParameters parameters = QueryParameters.of(request, PARAMETERS);
        ExportFormat format = ExportFormat.parse(parameters.string("format").orElse(null));
        if (format != ExportFormat.CSV && parameters.has("geometry")) {
            throw InvalidParameterException.of("geometry", "Parameter 'geometry' applies to format=csv only, so "
                    + "leave it out for format=" + format.fileExtension() + ".");
        }
        CsvGeometry csvGeometry = CsvGeometry.parse(parameters.string("geometry").orElse(null));
        FeatureFilter filter = FeatureFilter.from(parameters);

        return catalog.find(request.pathVariable("layer"))
                .flatMap(layer -> communeCheck.require(filter).thenReturn(layer))
                .flatMap(layer -> {
                    ServerResponse.BodyBuilder response = ServerResponse.ok()
                            .contentType(format.mediaType())
                            .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
                                    .filename(fileName(layer, format)).build()));
                    if (request.method() == HttpMethod.HEAD) {
                        return response.build();
                    }
                    ExportLimiter.Slot slot = limiter.tryAcquire().orElse(null);
                    if (slot == null) {
                        return Mono.error(busy(layer, format));
                    }
                    request.exchange().getAttributes().put(ExportSlotRelease.SLOT_ATTRIBUTE, slot);
                    Flux<DataBuffer> body = slot.releaseWhenDone(() -> body(layer, format, csvGeometry, filter)
                            .doOnError(error -> log.error("Export of layer {} as {} failed", layer.name(),
                                    format.fileExtension(), error)));
                    return response.body(BodyInserters.fromDataBuffers(body));
                });
    }

    private ServerBusyException busy(LayerDefinition layer, ExportFormat format) {
        long toReport = rejections.count();
        if (toReport > 0) {
            log.warn("Rejected {} export(s) since the last report (one a minute at most), the latest of layer {} as "
                    + "{}: {} exports running, limit {} (langso.exports.max-concurrent)", toReport, layer.name(),
                    format.fileExtension(), limiter.running(), limiter.maxConcurrent());
        }
        return new ServerBusyException("The server is already running its limit of " + limiter.maxConcurrent()
                + " exports at once. Retry the export of layer '" + layer.name() + "' after the number of seconds "
                + "in the Retry-After header.", retryAfter);
    }

    private Flux<DataBuffer> body(LayerDefinition layer, ExportFormat format, CsvGeometry csvGeometry,
                                  FeatureFilter filter) {
        return switch (format) {
            case GEOJSON -> GeoJsonExport.write(layer.name(), exports.features(layer, filter), buffers);
            case CSV -> exports.columns(layer).flatMapMany(columns ->
                    CsvExport.write(columns, csvGeometry, exports.rows(layer, columns, filter), buffers));
            case GPKG -> exports.columns(layer).flatMapMany(columns -> geoPackage(layer, columns, filter));
        };
    }

    /**
     * Writes the rows to a temporary GeoPackage one batch at a time on a bounded-elastic thread (the prefetch
     * of 1 keeps at most two batches in memory), then streams the finished file. The file is deleted however
     * the download ends, including a cancellation that arrives while the file is still being created.
     */
    private Flux<DataBuffer> geoPackage(LayerDefinition layer, List<LayerColumn> columns, FeatureFilter filter) {
        return Flux.defer(() -> {
            AtomicReference<GeoPackageExportFile> created = new AtomicReference<>();
            AtomicBoolean ended = new AtomicBoolean();
            return Mono.fromCallable(() -> {
                        GeoPackageExportFile file = GeoPackageExportFile.create(layer.name(), columns);
                        created.set(file);
                        if (ended.get()) {
                            file.delete();
                        }
                        return file;
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(file -> exports.rows(layer, columns, filter)
                            .buffer(GEOPACKAGE_ROWS_PER_BATCH)
                            .publishOn(Schedulers.boundedElastic(), 1)
                            .doOnNext(file::append)
                            .then(Mono.fromCallable(file::finish).subscribeOn(Schedulers.boundedElastic()))
                            .flatMapMany(path -> DataBufferUtils.read(path, buffers, FILE_READ_BUFFER_BYTES)))
                    .doFinally(signal -> {
                        ended.set(true);
                        GeoPackageExportFile file = created.get();
                        if (file != null) {
                            Schedulers.boundedElastic().schedule(file::delete);
                        }
                    });
        });
    }

    /** Builds an ASCII file name such as {@code langso-clinics-2026-12-05.csv}. */
    static String fileName(LayerDefinition layer, ExportFormat format) {
        String safeLayer = layer.name().replaceAll("[^A-Za-z0-9_-]", "_");
        return "langso-" + safeLayer + "-" + LocalDate.now(VIETNAM) + "." + format.fileExtension();
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(FeatureFilter.PARAMETERS);
        names.removeAll(Set.of("limit", "offset"));
        names.addAll(Set.of("format", "geometry"));
        return Set.copyOf(names);
    }
}
