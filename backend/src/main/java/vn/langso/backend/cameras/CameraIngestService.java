package vn.langso.backend.cameras;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;

/**
 * Stores batches exactly once and applies heartbeats. A batch is one transaction: its row in {@code camera_batch}
 * is inserted first, and when that row already exists (a retry, or a concurrent duplicate that committed first)
 * nothing else is written. Live events are published only after the commit.
 */
@Service
class CameraIngestService {

    private static final Logger log = LoggerFactory.getLogger(CameraIngestService.class);

    private final CameraStreamRepository streams;
    private final IngestRepository ingest;
    private final CameraPartitions partitions;
    private final CameraLiveEvents live;
    private final TransactionalOperator transactions;

    CameraIngestService(CameraStreamRepository streams, IngestRepository ingest, CameraPartitions partitions,
            CameraLiveEvents live, TransactionalOperator cameraTransactions) {
        this.streams = streams;
        this.ingest = ingest;
        this.partitions = partitions;
        this.live = live;
        this.transactions = cameraTransactions;
    }

    /** The outcome of a batch: stored now, or a duplicate of one stored before. */
    record IngestResult(boolean accepted, boolean duplicate) {
    }

    Mono<IngestResult> ingest(IngestBatch batch) {
        return resolve(batch.cameraKey())
                .flatMap(camera -> partitions.ensure(batch.partitionDays())
                        .then(store(camera, batch).as(transactions::transactional))
                        .doOnNext(stored -> publish(camera, batch, stored)))
                .map(stored -> new IngestResult(true, stored.isDuplicate()));
    }

    /** Writes the batch in the running transaction; returns {@link StoredBatch#DUPLICATE} when it was stored before. */
    private Mono<StoredBatch> store(CameraRef camera, IngestBatch batch) {
        return ingest.insertBatch(camera, batch).flatMap(inserted -> {
            if (!inserted) {
                log.info("Duplicate batch {} of camera {} from agent {} ignored", batch.sequence(), camera.key(),
                        batch.agentId());
                return Mono.just(StoredBatch.DUPLICATE);
            }
            return ingest.insertDetections(camera, batch.sequence(), batch.detections())
                    .then(ingest.insertCounts(camera, batch.sequence(), batch.counts()))
                    .thenMany(ingest.insertViolations(camera, batch.sequence(), batch.violations()))
                    .collectList()
                    .flatMap(ids -> ingest.updateLastSequence(camera, batch.sequence()).thenReturn(new StoredBatch(ids)));
        });
    }

    private void publish(CameraRef camera, IngestBatch batch, StoredBatch stored) {
        if (stored.isDuplicate()) {
            return;
        }
        live.counts(camera, batch);
        for (int i = 0; i < batch.violations().size(); i++) {
            live.violation(camera, batch.violations().get(i), stored.violationIds().get(i));
        }
    }

    /** Applies a heartbeat and publishes a status event when the camera's stream status changed. */
    Mono<Void> heartbeat(Heartbeat heartbeat) {
        return resolve(heartbeat.cameraKey())
                .flatMap(camera -> streams.applyHeartbeat(heartbeat)
                        .doOnNext(previous -> {
                            if (!previous.equals(heartbeat.status())) {
                                log.info("Camera {} is {} (was {}), reported by agent {}", camera.key(), heartbeat.status(),
                                        previous, heartbeat.agentId());
                                live.status(camera, heartbeat.status(), "heartbeat", heartbeat);
                            }
                        }))
                .then();
    }

    private Mono<CameraRef> resolve(String key) {
        return streams.resolve(key).switchIfEmpty(Mono.error(() -> InvalidParameterException.of("cameraId",
                "cameraId '" + key + "' is not a camera of the cameras layer. Import the camera with this id as its "
                        + "feature id (source_key), or link it in the camera_stream table.")));
    }

    /** Ids of the violations a stored batch added, in batch order; {@link #DUPLICATE} for a batch stored before. */
    record StoredBatch(List<Long> violationIds) {

        static final StoredBatch DUPLICATE = new StoredBatch(null);

        boolean isDuplicate() {
            return violationIds == null;
        }
    }
}
