package vn.langso.backend.cameras;

import java.util.Map;
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
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.InvalidParameterException;

/**
 * Handlers of {@code POST /api/v1/camera-ingest/batches} and {@code POST /api/v1/camera-ingest/heartbeats}. The body
 * is read here with its own size limit ({@code langso.cameras.max-batch-bytes}), because batches with snapshots are
 * larger than the shared codec limit.
 */
@Component
class CameraIngestHandler {

    private final CameraIngestAccess access;
    private final CameraIngestService service;
    private final int maxBodyBytes;
    private final JsonMapper json = JsonMapper.builder().build();

    CameraIngestHandler(CameraIngestAccess access, CameraIngestService service, CameraProperties properties) {
        this.access = access;
        this.service = service;
        this.maxBodyBytes = properties.maxBatchBytes();
    }

    Mono<ServerResponse> batch(ServerRequest request) {
        return readJson(request)
                .map(IngestParser::batch)
                .flatMap(service::ingest)
                .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("accepted", result.accepted(), "duplicate", result.duplicate())));
    }

    Mono<ServerResponse> heartbeat(ServerRequest request) {
        return readJson(request)
                .map(IngestParser::heartbeat)
                .flatMap(service::heartbeat)
                .then(ServerResponse.noContent().build());
    }

    /** Checks the agent key, then reads the whole body as JSON within the size limit. */
    private Mono<JsonNode> readJson(ServerRequest request) {
        return Mono.fromRunnable(() -> access.requireAgent(request.headers().asHttpHeaders()))
                .then(Mono.fromRunnable(() -> requireJson(request)))
                .then(DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBodyBytes))
                .onErrorMap(DataBufferLimitException.class, error -> new ResponseStatusException(
                        HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBodyBytes
                                + " bytes (langso.cameras.max-batch-bytes). Send smaller batches."))
                .map(parse())
                .switchIfEmpty(Mono.error(() -> InvalidParameterException.of("body",
                        "The request body is empty; send a JSON object.")));
    }

    private Function<DataBuffer, JsonNode> parse() {
        return buffer -> {
            try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                byte[] bytes = new byte[buffer.readableByteCount()];
                int position = 0;
                while (chunks.hasNext()) {
                    java.nio.ByteBuffer chunk = chunks.next();
                    int length = chunk.remaining();
                    chunk.get(bytes, position, length);
                    position += length;
                }
                return json.readTree(bytes);
            } catch (JacksonException e) {
                throw InvalidParameterException.of("body", "The request body is not valid JSON: "
                        + e.getOriginalMessage().replaceAll("[\\r\\n]", " ") + ".");
            } finally {
                DataBufferUtils.release(buffer);
            }
        };
    }

    private static void requireJson(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The content type is " + type
                    + "; send the body as Content-Type: application/json.");
        }
    }
}
