package vn.langso.backend.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Keeps files under a folder, one file per key; blocking file work runs on the bounded elastic scheduler. */
public final class FileSystemMediaStore implements MediaStore {

    /** Keys are generated: a few folders of letters and digits and a file name with an extension. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9]+)*/[a-z0-9-]+\\.[a-z0-9]+");
    private static final int READ_BUFFER = 64 * 1024;

    private final Path root;

    public FileSystemMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Mono<Void> put(String key, byte[] content) {
        return Mono.fromRunnable(() -> {
            Path target = resolve(key);
            try {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
                try {
                    Files.write(temporary, content, StandardOpenOption.TRUNCATE_EXISTING);
                    Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to store media file " + key, e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Flux<DataBuffer> read(String key) {
        return DataBufferUtils.read(resolve(key), DefaultDataBufferFactory.sharedInstance, READ_BUFFER)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> delete(String key) {
        return Mono.fromCallable(() -> Files.deleteIfExists(resolve(key)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<Boolean> exists(String key) {
        return Mono.fromCallable(() -> Files.isRegularFile(resolve(key))).subscribeOn(Schedulers.boundedElastic());
    }

    private Path resolve(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid media key '" + key + "'");
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Media key '" + key + "' leaves the media folder");
        }
        return path;
    }
}
