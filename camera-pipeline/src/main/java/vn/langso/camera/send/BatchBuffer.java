package vn.langso.camera.send;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.camera.send.Messages.Batch;
import vn.langso.camera.send.Messages.CountItem;
import vn.langso.camera.send.Messages.DetectionItem;
import vn.langso.camera.send.Messages.ViolationItem;

/**
 * Batches waiting for the backend, on disk so that they survive an unreachable backend and an agent restart.
 *
 * <p>Layout under the root folder, per camera: {@code pending/<sequence>.json} (one finished batch per file, the
 * exact bytes that are sent, written to a temporary file and moved into place), {@code rejected/} for batches the
 * backend refused as invalid, and {@code last-sequence}, written before each batch so a sequence number is never
 * used twice, even after a crash. Files are only ever added and removed, never rewritten.
 */
public final class BatchBuffer {

    private static final String PENDING = "pending";
    private static final String REJECTED = "rejected";
    private static final String LAST_SEQUENCE = "last-sequence";
    /** Zero-padded so that names sort in sequence order. */
    private static final String NAME_FORMAT = "%020d.json";

    private final Path root;
    private final String agentId;
    private final JsonMapper json;
    private final Map<String, Long> lastSequence = new HashMap<>();

    public BatchBuffer(Path root, String agentId, JsonMapper json) {
        this.root = root;
        this.agentId = agentId;
        this.json = json;
    }

    /**
     * Writes a batch of the camera with the next sequence number and returns that number, or 0 when there was
     * nothing to write.
     */
    public synchronized long append(String cameraId, List<DetectionItem> detections, List<CountItem> counts,
                                    List<ViolationItem> violations, Instant sentAt) {
        if (detections.isEmpty() && counts.isEmpty() && violations.isEmpty()) {
            return 0;
        }
        try {
            Path cameraFolder = root.resolve(cameraId);
            Path pending = Files.createDirectories(cameraFolder.resolve(PENDING));
            long sequence = lastSequence(cameraId) + 1;
            writeAtomically(cameraFolder.resolve(LAST_SEQUENCE), Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
            lastSequence.put(cameraId, sequence);
            Batch batch = new Batch(agentId, cameraId, sequence, sentAt.toString(), detections, counts, violations);
            writeAtomically(pending.resolve(NAME_FORMAT.formatted(sequence)), json.writeValueAsBytes(batch));
            return sequence;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not buffer a batch of camera " + cameraId + " under " + root, e);
        }
    }

    private long lastSequence(String cameraId) throws IOException {
        Long known = lastSequence.get(cameraId);
        if (known != null) {
            return known;
        }
        Path cameraFolder = root.resolve(cameraId);
        long last = 0;
        Path file = cameraFolder.resolve(LAST_SEQUENCE);
        if (Files.exists(file)) {
            last = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        for (Path batch : pending(cameraId)) {
            last = Math.max(last, sequenceOf(batch));
        }
        return last;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Cameras that have a folder in the buffer, whether or not batches are pending. */
    public List<String> cameras() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Pending batch files of the camera, oldest sequence first. */
    public List<Path> pending(String cameraId) throws IOException {
        Path folder = root.resolve(cameraId).resolve(PENDING);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> batches = new ArrayList<>(files.filter(path -> path.toString().endsWith(".json")).toList());
            batches.sort(null);
            return batches;
        }
    }

    /** Number of batches waiting, over all cameras. */
    public int pendingCount() throws IOException {
        int count = 0;
        for (String camera : cameras()) {
            count += pending(camera).size();
        }
        return count;
    }

    public void delivered(Path batch) throws IOException {
        Files.deleteIfExists(batch);
    }

    /** Moves a batch the backend rejected into the camera's rejected folder, with the reason beside it. */
    public void rejected(Path batch, String reason) throws IOException {
        Path folder = Files.createDirectories(batch.getParent().resolveSibling(REJECTED));
        Files.writeString(folder.resolve(batch.getFileName() + ".reason.txt"), reason);
        Files.move(batch, folder.resolve(batch.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    static long sequenceOf(Path batch) {
        String name = batch.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}
