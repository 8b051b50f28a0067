package vn.langso.conferencing.kurento;

/**
 * Hand-written SDP offers shaped like a browser's: audio (Opus) and video (VP8), bundled, with trickle ICE.
 * The fake media server only checks that an offer starts with {@code v=0}; a real one parses all of it.
 */
final class SampleOffers {

    private static final String FINGERPRINT = "sha-256 "
            + "3A:1F:0C:77:52:9B:4D:E1:08:6A:C2:5F:91:3E:D4:7B:20:A8:6C:F3:59:0E:B7:44:12:9D:C8:65:E0:3B:7F:A1";

    private SampleOffers() {
    }

    /** Returns an offer that sends and receives, as a publisher's browser makes it. */
    static String publisher(String user) {
        return offer(user, "sendrecv", true);
    }

    /** Returns an offer that only receives, as a subscriber's browser makes it. */
    static String subscriber(String user) {
        return offer(user, "recvonly", false);
    }

    private static String offer(String user, String direction, boolean sends) {
        String ufrag = (user + "ufrag").substring(0, 4);
        String pwd = (user + "-password-for-ice-0123456789").substring(0, 24);
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("t=0 0\r\n")
                .append("a=group:BUNDLE 0 1\r\n")
                .append("a=msid-semantic: WMS ").append(user).append("\r\n");
        media(sdp, "audio", "111", "opus/48000/2", "0", ufrag, pwd, direction);
        sdp.append("a=fmtp:111 minptime=10;useinbandfec=1\r\n");
        if (sends) {
            sdp.append("a=ssrc:1001 cname:").append(user).append("\r\n");
        }
        media(sdp, "video", "96", "VP8/90000", "1", ufrag, pwd, direction);
        sdp.append("a=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\na=rtcp-fb:96 goog-remb\r\n");
        if (sends) {
            sdp.append("a=ssrc:2002 cname:").append(user).append("\r\n");
        }
        return sdp.toString();
    }

    private static void media(StringBuilder sdp, String kind, String payload, String codec, String mid, String ufrag,
            String pwd, String direction) {
        sdp.append("m=").append(kind).append(" 9 UDP/TLS/RTP/SAVPF ").append(payload).append("\r\n")
                .append("c=IN IP4 0.0.0.0\r\n")
                .append("a=rtcp:9 IN IP4 0.0.0.0\r\n")
                .append("a=ice-ufrag:").append(ufrag).append("\r\n")
                .append("a=ice-pwd:").append(pwd).append("\r\n")
                .append("a=ice-options:trickle\r\n")
                .append("a=fingerprint:").append(FINGERPRINT).append("\r\n")
                .append("a=setup:actpass\r\n")
                .append("a=mid:").append(mid).append("\r\n")
                .append("a=").append(direction).append("\r\n")
                .append("a=rtcp-mux\r\n")
                .append("a=rtpmap:").append(payload).append(' ').append(codec).append("\r\n");
    }
}
