package vn.langso.backend.exports;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a GeoJSON FeatureCollection from Feature texts as they arrive: the opening members, the features
 * in batches of {@link #FEATURES_PER_BUFFER}, then the closing brackets. Only one batch is in memory at a time.
 */
final class GeoJsonExport {

    static final int FEATURES_PER_BUFFER = 200;

    private GeoJsonExport() {
    }

    static Flux<DataBuffer> write(String layerName, Flux<String> features, DataBufferFactory buffers) {
        String opening = "{\"type\":\"FeatureCollection\",\"name\":\"" + layerName + "\",\"timeStamp\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"features\":[\n";
        Flux<DataBuffer> body = features
                .index()
                .map(indexed -> (indexed.getT1() == 0 ? "" : ",\n") + Normalizer.normalize(indexed.getT2(), Normalizer.Form.NFC))
                .buffer(FEATURES_PER_BUFFER)
                .map(batch -> encode(String.join("", batch), buffers));
        return Flux.concat(
                Mono.fromSupplier(() -> encode(opening, buffers)),
                body,
                Mono.fromSupplier(() -> encode("\n]}\n", buffers)));
    }

    static DataBuffer encode(String text, DataBufferFactory buffers) {
        return buffers.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
