package vn.langso.backend.media;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.langso.backend.reports.ReportProblem;

/**
 * Accepts, cleans, stores and lists the photos and videos of reports. Uploads are checked against the limits
 * while they arrive, so an oversized file is never read to its end. Nothing is stored before every file of a
 * submission has passed.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final MediaProperties properties;
    private final MediaStore store;
    private final DatabaseClient database;

    public MediaService(MediaProperties properties, MediaStore store, DatabaseClient database) {
        this.properties = properties;
        this.store = store;
        this.database = database;
        RandomIds.seed();
    }

    public int maxFiles() {
        return properties.maxFiles();
    }

    /**
     * Reads an upload, decides its type from its bytes, checks its size and removes its metadata. Fails with 413
     * when it is larger than the limit of its type and with 415 when its type is not accepted.
     */
    public Mono<PreparedMedia> prepare(Flux<DataBuffer> content, String fileName) {
        // NOTE: a file is joined in memory up to the larger of the two limits (50 MiB by default for videos), so
        // many concurrent video uploads need that much heap each.
        long hardLimit = Math.max(properties.maxPhotoBytes(), properties.maxVideoBytes());
        AtomicLong received = new AtomicLong();
        return content
                .doOnNext(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) > hardLimit) {
                        DataBufferUtils.release(buffer);
                        throw tooLarge(fileName, null, hardLimit);
                    }
                })
                .as(buffers -> DataBufferUtils.join(buffers))
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .map(bytes -> clean(bytes, fileName));
    }

    private PreparedMedia clean(byte[] bytes, String fileName) {
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, MediaFormat.HEADER_BYTES));
        MediaFormat format = MediaFormat.detect(head).orElseThrow(() -> ReportProblem.unsupportedMediaType(
                "File " + describe(fileName) + " is not a JPEG, PNG, WebP or HEIC photo or an MP4 video (the type is "
                        + "read from the file's content, not its name). Send one of those types."));
        long limit = format.isPhoto() ? properties.maxPhotoBytes() : properties.maxVideoBytes();
        if (bytes.length > limit) {
            throw tooLarge(fileName, format, limit);
        }
        java.util.Optional<ExifGpsPosition> gps = format.isPhoto() ? ExifGps.find(bytes) : java.util.Optional.empty();
        byte[] stripped;
        try {
            stripped = MetadataStripper.strip(format, bytes);
        } catch (IllegalArgumentException e) {
            throw ReportProblem.unsupportedMediaType("File " + describe(fileName) + " starts like a "
                    + format.name() + " file but is damaged: " + e.getMessage() + ". Send the original file.");
        }
        byte[] thumbnail = format.isPhoto() ? Thumbnails.of(stripped).orElse(null) : null;
        return new PreparedMedia(format, stripped, thumbnail, gps);
    }

    /**
     * Writes the files and records them for a report. Run it inside the transaction that creates the report;
     * when that transaction fails, call {@link #discard} with the result so that no file outlives it.
     */
    public Mono<List<StoredMedia>> store(long reportId, List<PreparedMedia> files, List<StoredMedia> written) {
        return Flux.range(0, files.size())
                .concatMap(index -> storeOne(reportId, index, files.get(index), written))
                .collectList();
    }

    private Mono<StoredMedia> storeOne(long reportId, int position, PreparedMedia file, List<StoredMedia> written) {
        UUID id = RandomIds.uuid();
        String folder = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7).replace("-", "/");
        String key = folder + "/" + id + "." + file.format().extension();
        String thumbnailKey = file.thumbnail() == null ? null : folder + "/" + id + "-thumb.jpg";
        StoredMedia stored = new StoredMedia(id, reportId, file.format().kind(), file.format().contentType(),
                file.content().length, key, thumbnailKey, position);
        Mono<Void> thumbnail = thumbnailKey == null ? Mono.empty() : store.put(thumbnailKey, file.thumbnail());
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO report_media (id, report_id, kind, content_type, size_bytes, storage_key,
                                                  thumbnail_key, position)
                        VALUES (:id, :report, :kind, :type, :size, :key, :thumb, :position)""")
                .bind("id", id).bind("report", reportId).bind("kind", stored.kind()).bind("type", stored.contentType())
                .bind("size", stored.sizeBytes()).bind("key", key).bind("position", position);
        insert = thumbnailKey == null ? insert.bindNull("thumb", String.class) : insert.bind("thumb", thumbnailKey);
        return Mono.fromRunnable(() -> {
                    synchronized (written) {
                        written.add(stored);
                    }
                })
                .then(store.put(key, file.content()))
                .then(thumbnail)
                .then(insert.then())
                .thenReturn(stored);
    }

    /** Deletes the files of media whose report was not created. */
    public Mono<Void> discard(List<StoredMedia> media) {
        List<StoredMedia> copy;
        synchronized (media) {
            copy = new ArrayList<>(media);
        }
        return Flux.fromIterable(copy)
                .concatMap(item -> store.delete(item.storageKey())
                        .then(item.thumbnailKey() == null ? Mono.empty() : store.delete(item.thumbnailKey())))
                .onErrorResume(error -> {
                    log.warn("Failed to delete media files of a report that was not created: {}", error.toString());
                    return Mono.empty();
                })
                .then();
    }

    /** Lists the media of reports, in their order within each report. */
    public Flux<StoredMedia> list(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT id, report_id, kind, content_type, size_bytes, storage_key, thumbnail_key, position
                          FROM report_media WHERE report_id = ANY(:ids) ORDER BY report_id, position""")
                .bind("ids", reportIds.toArray(Long[]::new))
                .map(MediaService::toStored)
                .all();
    }

    public Mono<StoredMedia> find(long reportId, UUID id) {
        return database.sql("""
                        SELECT id, report_id, kind, content_type, size_bytes, storage_key, thumbnail_key, position
                          FROM report_media WHERE report_id = :report AND id = :id""")
                .bind("report", reportId).bind("id", id)
                .map(MediaService::toStored)
                .one();
    }

    public Flux<DataBuffer> read(String key) {
        return store.read(key);
    }

    private static StoredMedia toStored(io.r2dbc.spi.Readable row) {
        return new StoredMedia(row.get("id", UUID.class), row.get("report_id", Long.class), row.get("kind", String.class),
                row.get("content_type", String.class), row.get("size_bytes", Long.class),
                row.get("storage_key", String.class), row.get("thumbnail_key", String.class),
                row.get("position", Integer.class));
    }

    private static ReportProblem tooLarge(String fileName, MediaFormat format, long limit) {
        String kind = "any file";
        if (format != null) {
            kind = format.isPhoto() ? "a photo" : "a video";
        }
        return ReportProblem.payloadTooLarge("File " + describe(fileName) + " is larger than the limit of " + limit
                + " bytes (" + String.format(Locale.ROOT, "%.1f", limit / 1048576.0) + " MiB) for " + kind
                + ". Send a smaller or shorter file.");
    }

    private static String describe(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "(no name)";
        }
        String clean = fileName.replaceAll("[\\p{Cntrl}]", "_");
        return "'" + (clean.length() > 80 ? clean.substring(0, 80) + "…" : clean) + "'";
    }
}
