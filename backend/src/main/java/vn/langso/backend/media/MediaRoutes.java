package vn.langso.backend.media;

import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import vn.langso.backend.reports.ReportProblem;
import vn.langso.backend.web.ReadOnlyRoutes;

/**
 * Serves the stored copies of report photos and videos (metadata removed) and their thumbnails. They belong to the
 * public view of a report, so anyone may read them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaRoutes {

    @Bean
    MediaStore mediaStore(MediaProperties properties) {
        return new FileSystemMediaStore(properties.folder());
    }

    @Bean
    RouterFunction<ServerResponse> mediaRouter(MediaService media) {
        return RouterFunctions.route()
                .route(ReadOnlyRoutes.read("/api/v1/reports/{id}/media/{mediaId}"),
                        request -> serve(request, media, false))
                .route(ReadOnlyRoutes.read("/api/v1/reports/{id}/media/{mediaId}/thumbnail"),
                        request -> serve(request, media, true))
                .build();
    }

    private static Mono<ServerResponse> serve(ServerRequest request, MediaService media, boolean thumbnail) {
        long reportId;
        UUID mediaId;
        try {
            reportId = Long.parseLong(request.pathVariable("id"));
            mediaId = UUID.fromString(request.pathVariable("mediaId"));
        } catch (IllegalArgumentException e) {
            return Mono.error(ReportProblem.notFound("No media at " + request.path().replaceAll("[\\r\\n]", "_")
                    + ". Media URLs are listed in the report's media member."));
        }
        return media.find(reportId, mediaId)
                .filter(stored -> !thumbnail || stored.thumbnailKey() != null)
                .switchIfEmpty(Mono.error(() -> ReportProblem.notFound("Report " + reportId + " has no "
                        + (thumbnail ? "thumbnail for media " : "media ") + mediaId
                        + ". Media URLs are listed in the report's media member.")))
                .flatMap(stored -> {
                    String key = thumbnail ? stored.thumbnailKey() : stored.storageKey();
                    MediaType type = thumbnail ? MediaType.IMAGE_JPEG : MediaType.parseMediaType(stored.contentType());
                    ServerResponse.BodyBuilder builder = ServerResponse.ok()
                            .contentType(type)
                            .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                            .header("X-Content-Type-Options", "nosniff")
                            .header("Content-Disposition", "inline; filename=\"" + stored.id()
                                    + (thumbnail ? "-thumbnail.jpg" : "." + extension(stored.contentType())) + "\"");
                    if (!thumbnail) {
                        builder = builder.contentLength(stored.sizeBytes());
                    }
                    return builder.body(BodyInserters.fromDataBuffers(media.read(key)));
                });
    }

    private static String extension(String contentType) {
        for (MediaFormat format : MediaFormat.values()) {
            if (format.contentType().equals(contentType)) {
                return format.extension();
            }
        }
        return "bin";
    }
}
