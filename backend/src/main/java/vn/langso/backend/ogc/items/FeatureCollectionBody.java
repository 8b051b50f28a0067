package vn.langso.backend.ogc.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.langso.backend.ogc.OgcResponses;
import vn.langso.backend.sql.Utf8Text;
import vn.langso.backend.web.Link;

/**
 * Writes the GeoJSON body of an items page around the Feature text that PostgreSQL joined, byte for byte: the
 * features are never decoded into Strings, parsed or re-encoded, and only the members after them go through Jackson.
 * The result is the same document as {@link vn.langso.backend.web.FeatureCollection} with its members in the same
 * order.
 */
final class FeatureCollectionBody {

    private static final byte[] HEAD = "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FEATURES_END = "],".getBytes(StandardCharsets.UTF_8);

    /** The members that follow the features, as Jackson writes them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"numberMatched", "numberReturned", "timeStamp", "links"})
    record Members(Long numberMatched, int numberReturned, String timeStamp, List<Link> links) {
    }

    private FeatureCollectionBody() {
    }

    /** Returns the whole body: {@code features} is the Feature text joined by commas, without brackets. */
    static byte[] write(Utf8Text features, long matched, int returned, List<Link> links) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] members = OgcResponses.JSON.writeValueAsBytes(new Members(matched, returned, now, links));

        // The members object loses its opening brace and continues the collection's object after the features.
        byte[] body = new byte[HEAD.length + features.bytes().length + FEATURES_END.length + members.length - 1];
        int position = 0;
        System.arraycopy(HEAD, 0, body, position, HEAD.length);
        position += HEAD.length;
        System.arraycopy(features.bytes(), 0, body, position, features.bytes().length);
        position += features.bytes().length;
        System.arraycopy(FEATURES_END, 0, body, position, FEATURES_END.length);
        position += FEATURES_END.length;
        System.arraycopy(members, 1, body, position, members.length - 1);
        return body;
    }
}
