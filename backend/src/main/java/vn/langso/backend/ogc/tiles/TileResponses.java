package vn.langso.backend.ogc.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Turns tile bytes into responses: 204 No Content for an empty tile, 304 Not Modified when the request's
 * {@code If-None-Match} names the tile's ETag, otherwise 200 with the tile. Every response carries
 * {@code Cache-Control: public, max-age}, and 200 and 304 carry the strong ETag, a hash of the tile bytes.
 */
final class TileResponses {

    static final MediaType MVT = MediaType.parseMediaType(TileLinks.MVT);

    private final CacheControl cacheControl;

    TileResponses(TileProperties properties) {
        this.cacheControl = CacheControl.maxAge(properties.maxAge()).cachePublic();
    }

    Mono<ServerResponse> respond(ServerRequest request, byte[] tile) {
        if (tile.length == 0) {
            return ServerResponse.noContent().cacheControl(cacheControl).build();
        }

        String etag = etag(tile);
        if (matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ServerResponse.status(304).eTag(etag).cacheControl(cacheControl).build();
        }
        return ServerResponse.ok()
                .contentType(MVT)
                .eTag(etag)
                .cacheControl(cacheControl)
                .bodyValue(tile);
    }

    /** Returns the quoted strong ETag of the tile: the first 128 bits of its SHA-256 in hexadecimal. */
    static String etag(byte[] tile) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tile);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Tells whether an {@code If-None-Match} header matches, with the weak comparison that RFC 9110
     * requires for this header: {@code W/"x"} matches {@code "x"}, and {@code *} matches any tile.
     */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
