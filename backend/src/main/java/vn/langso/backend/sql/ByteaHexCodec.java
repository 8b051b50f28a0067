package vn.langso.backend.sql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.message.Format;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Reads and writes {@code bytea} as {@code byte[]}, in place of the driver's codec for that type.
 *
 * <p>r2dbc-postgresql requests results in text format, in which PostgreSQL sends {@code bytea} as {@code \x}
 * followed by two hexadecimal digits per byte. The driver's own codec turns that text into a String, matches it with
 * a regular expression and decodes the match, which made decoding the main cost of serving a vector tile of some
 * tens of kilobytes. This codec reads the digits straight from the buffer, and sends parameters in binary format,
 * the bytes as they are, instead of as hexadecimal text.
 *
 * <p>It implements {@link CodecMetadata} because the driver's codec lookup caches codecs by type from that metadata,
 * in registration order. Without it the driver's own codec would stay cached for {@code bytea}.
 */
final class ByteaHexCodec implements Codec<byte[]>, CodecMetadata {

    /** The type OID of {@code bytea}. */
    static final int BYTEA = PostgresqlObjectId.BYTEA.getObjectId();

    @Override
    public Class<?> type() {
        return byte[].class;
    }

    @Override
    public Iterable<? extends PostgresTypeIdentifier> getDataTypes() {
        return List.of(PostgresqlObjectId.BYTEA);
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return dataType == BYTEA && (type == byte[].class || type == Object.class);
    }

    @Override
    public byte[] decode(ByteBuf buffer, int dataType, Format format, Class<? extends byte[]> type) {
        if (buffer == null) {
            return null;
        }
        if (format == Format.FORMAT_BINARY) {
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        }
        return decodeHex(buffer);
    }

    /**
     * Decodes PostgreSQL's hex output format, {@code \x} and then two digits per byte. The text is copied out of
     * the buffer first, because a large value arrives as a composite buffer whose per-byte reads are slow.
     */
    static byte[] decodeHex(ByteBuf buffer) {
        byte[] text = new byte[buffer.readableBytes()];
        buffer.readBytes(text);
        if (text.length < 2 || text[0] != '\\' || text[1] != 'x' || text.length % 2 != 0) {
            throw new IllegalArgumentException("A bytea value in text format must be \\x and an even number of "
                    + "hexadecimal digits; set bytea_output to hex (the default since PostgreSQL 9.0)");
        }

        byte[] bytes = new byte[(text.length - 2) / 2];
        for (int i = 0, position = 2; i < bytes.length; i++, position += 2) {
            bytes[i] = (byte) (digit(text[position]) << 4 | digit(text[position + 1]));
        }
        return bytes;
    }

    private static int digit(byte character) {
        if (character >= '0' && character <= '9') {
            return character - '0';
        }
        if (character >= 'a' && character <= 'f') {
            return character - 'a' + 10;
        }
        if (character >= 'A' && character <= 'F') {
            return character - 'A' + 10;
        }
        throw new IllegalArgumentException("A bytea value in hex format contains the character '" + (char) character
                + "', which is not a hexadecimal digit");
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof byte[];
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return type == byte[].class;
    }

    @Override
    public EncodedParameter encode(Object value) {
        return encode(value, BYTEA);
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        byte[] bytes = (byte[]) value;
        return new EncodedParameter(Format.FORMAT_BINARY, BYTEA, Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public EncodedParameter encodeNull() {
        return new EncodedParameter(Format.FORMAT_BINARY, BYTEA, EncodedParameter.NULL_VALUE);
    }
}
