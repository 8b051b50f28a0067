package vn.langso.backend.sql;

import java.nio.charset.StandardCharsets;

/**
 * A {@code text} value read from PostgreSQL as the UTF-8 bytes it arrived in, for a response that passes it through
 * unchanged: reading it as a String and writing it back would decode and encode every character.
 *
 * @param bytes the UTF-8 bytes; not copied, so callers must not change them
 */
public record Utf8Text(byte[] bytes) {

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
