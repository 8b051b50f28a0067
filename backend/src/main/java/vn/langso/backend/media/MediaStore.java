package vn.langso.backend.media;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Storage of the files of reports, by keys that the server generates (never user text). The file system
 * implementation is {@link FileSystemMediaStore}. An S3-compatible one would map keys to object names.
 */
public interface MediaStore {

    /** Stores the content under the key, replacing nothing: a key is written once. */
    Mono<Void> put(String key, byte[] content);

    /** Reads the content of a key; fails with {@link java.nio.file.NoSuchFileException} when it is absent. */
    Flux<DataBuffer> read(String key);

    /** Removes a key; does nothing when it is absent. */
    Mono<Void> delete(String key);

    /** Returns true when the key exists. */
    Mono<Boolean> exists(String key);
}
