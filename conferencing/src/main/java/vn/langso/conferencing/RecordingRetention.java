package vn.langso.conferencing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes recordings older than the retention period from a recordings folder laid out as the media server
 * writes it: {@code <folder>/<room>/<recording>/<files>}. A recording is deleted as a whole once its newest
 * file is older than the retention period. A recording folder without files counts as expired, and room
 * folders left empty are removed too. Symbolic links are
 * neither followed nor deleted.
 *
 * <p>The folder must be the media server's recordings folder as mounted on this machine (for example the same
 * Docker volume mounted into both containers).
 */
public final class RecordingRetention {

    private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);

    private final Path folder;
    private final Duration retention;
    private final Clock clock;

    public RecordingRetention(Path folder, Duration retention, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("Recording retention must be a positive duration, was " + retention);
        }
    }

    /** Runs {@link #purgeNow()} on a thread that may block, for callers on an event loop. */
    public Mono<List<Path>> purge() {
        return Mono.fromCallable(this::purgeNow).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Deletes expired recordings now; blocks on file IO.
     *
     * @return the recording folders deleted; empty when the folder does not exist
     */
    public List<Path> purgeNow() throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return deleted;
        }
        Instant cutoff = clock.instant().minus(retention);
        for (Path room : directories(folder)) {
            for (Path recording : directories(room)) {
                if (newestModification(recording).isBefore(cutoff)) {
                    deleteTree(recording);
                    deleted.add(recording);
                    log.info("Deleted recording {} of room {}: older than {}", recording.getFileName(),
                            room.getFileName(), retention);
                }
            }
            if (isEmpty(room)) {
                Files.delete(room);
            }
        }
        return deleted;
    }

    private static List<Path> directories(Path parent) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private static Instant newestModification(Path recording) throws IOException {
        try (Stream<Path> files = Files.walk(recording)) {
            // Only files count: a folder's own time changes whenever a file in it is deleted or added.
            return files.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .map(RecordingRetention::modified)
                    .max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
        } catch (UncheckedIOException error) {
            throw error.getCause();
        }
    }

    private static Instant modified(Path path) {
        try {
            FileTime time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
            return time.toInstant();
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
