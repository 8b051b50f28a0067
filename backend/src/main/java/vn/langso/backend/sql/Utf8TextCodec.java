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
 * Reads {@code text} columns as {@link Utf8Text} when asked for that type: both the text and the binary format of
 * {@code text} are the UTF-8 bytes themselves, so the value is copied out of the buffer without decoding. Reads as
 * String are left to the driver's codec.
 */
final class Utf8TextCodec implements Codec<Utf8Text>, CodecMetadata {

    private static final int TEXT = PostgresqlObjectId.TEXT.getObjectId();

    @Override
    public Class<?> type() {
        return Utf8Text.class;
    }

    @Override
    public Iterable<? extends PostgresTypeIdentifier> getDataTypes() {
        return List.of(PostgresqlObjectId.TEXT);
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return dataType == TEXT && type == Utf8Text.class;
    }

    @Override
    public Utf8Text decode(ByteBuf buffer, int dataType, Format format, Class<? extends Utf8Text> type) {
        if (buffer == null) {
            return null;
        }
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return new Utf8Text(bytes);
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Utf8Text;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return type == Utf8Text.class;
    }

    @Override
    public EncodedParameter encode(Object value) {
        return encode(value, TEXT);
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        byte[] bytes = ((Utf8Text) value).bytes();
        return new EncodedParameter(Format.FORMAT_TEXT, TEXT, Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public EncodedParameter encodeNull() {
        return new EncodedParameter(Format.FORMAT_TEXT, TEXT, EncodedParameter.NULL_VALUE);
    }
}
