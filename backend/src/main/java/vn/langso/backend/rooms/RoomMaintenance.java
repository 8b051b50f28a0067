package vn.langso.backend.rooms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the metadata of recordings past their retention and long-expired join tokens, periodically.
 *
 * <p>TODO: the recording files stay on the media server's storage. Schedule conferencing's RecordingRetention here
 * when that folder is mounted in the backend, before relying on this for data protection.
 */
@Component
class RoomMaintenance implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoomMaintenance.class);

    private final RoomRepository repository;
    private final RoomsProperties properties;
    private volatile Disposable task;

    RoomMaintenance(RoomRepository repository, RoomsProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        task = Flux.interval(properties.recordingPurgeInterval(), properties.recordingPurgeInterval())
                .concatMap(tick -> purge())
                .subscribe();
    }

    /** Runs one purge; failures are logged and the next interval tries again. */
    Mono<Void> purge() {
        return Mono.zip(repository.purgeExpiredRecordings(), repository.purgeJoinTokens())
                .doOnNext(counts -> {
                    if (counts.getT1() > 0 || counts.getT2() > 0) {
                        log.info("Purged {} expired recordings and {} expired join tokens", counts.getT1(), counts.getT2());
                    }
                })
                .onErrorResume(error -> {
                    log.warn("Purging expired recordings failed; retrying in {}: {}", properties.recordingPurgeInterval(),
                            error.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void destroy() {
        Disposable running = task;
        if (running != null) {
            running.dispose();
        }
    }
}
