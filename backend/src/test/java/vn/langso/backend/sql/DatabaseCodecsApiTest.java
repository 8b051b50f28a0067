package vn.langso.backend.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.langso.backend.ApiTestSupport;

/**
 * The backend's own codecs against a real PostgreSQL: bytea values of every byte, written as parameters and read
 * back through the text format, and text read as its UTF-8 bytes, checked against what the server itself computes.
 */
class DatabaseCodecsApiTest extends ApiTestSupport {

    @Autowired
    DatabaseClient database;

    @Test
    void byteaRoundTripKeepsEveryByte() throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }

        // The server's md5 of the parameter proves it received the bytes, not their hexadecimal text.
        String serverMd5 = database.sql("SELECT md5(:value) AS md5").bind("value", everyByte)
                .map(row -> row.get("md5", String.class)).one().block();
        byte[] readBack = database.sql("SELECT :value::bytea AS value").bind("value", everyByte)
                .map(row -> row.get("value", byte[].class)).one().block();

        assertThat(serverMd5).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(everyByte)));
        assertThat(readBack).isEqualTo(everyByte);
    }

    @Test
    void largeAndEmptyByteaAreRead() {
        byte[] large = new byte[300_000];
        new Random(7).nextBytes(large);

        byte[] largeBack = database.sql("SELECT :value::bytea AS value").bind("value", large)
                .map(row -> row.get("value", byte[].class)).one().block();
        byte[] emptyBack = database.sql("SELECT ''::bytea AS value")
                .map(row -> row.get("value", byte[].class)).one().block();
        byte[] fromServer = database.sql("SELECT decode('00ff7f80', 'hex') AS value")
                .map(row -> row.get("value", byte[].class)).one().block();

        assertThat(largeBack).isEqualTo(large);
        assertThat(emptyBack).isEmpty();
        assertThat(fromServer).containsExactly(0x00, 0xff, 0x7f, 0x80);
    }

    @Test
    void nullByteaParameterIsNull() {
        Boolean isNull = database.sql("SELECT :value::bytea IS NULL AS is_null").bindNull("value", byte[].class)
                .map(row -> row.get("is_null", Boolean.class)).one().block();

        assertThat(isNull).isTrue();
    }

    @Test
    void utf8TextKeepsNfdAndNfc() {
        String nfc = Normalizer.normalize("Cửa hàng Tháp Mười", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);

        Utf8Text nfcBack = database.sql("SELECT :value::text AS value").bind("value", nfc)
                .map(row -> row.get("value", Utf8Text.class)).one().block();
        Utf8Text nfdBack = database.sql("SELECT :value::text AS value").bind("value", nfd)
                .map(row -> row.get("value", Utf8Text.class)).one().block();
        String asString = database.sql("SELECT :value::text AS value").bind("value", nfc)
                .map(row -> row.get("value", String.class)).one().block();

        assertThat(nfcBack.bytes()).isEqualTo(nfc.getBytes(StandardCharsets.UTF_8));
        assertThat(nfdBack.bytes()).isEqualTo(nfd.getBytes(StandardCharsets.UTF_8));
        assertThat(nfdBack.bytes()).isNotEqualTo(nfcBack.bytes());
        assertThat(asString).isEqualTo(nfc);
    }

    @Test
    void malformedHexIsRejected() {
        assertThatThrownBy(() -> ByteaHexCodec.decodeHex(Unpooled.copiedBuffer("\\x0g", StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'g'");
        assertThatThrownBy(() -> ByteaHexCodec.decodeHex(Unpooled.copiedBuffer("\\x012", StandardCharsets.US_ASCII)))
                .hasMessageContaining("even number");
        assertThatThrownBy(() -> ByteaHexCodec.decodeHex(Unpooled.copiedBuffer("0102", StandardCharsets.US_ASCII)))
                .hasMessageContaining("\\x");
    }
}
