package vn.langso.conferencing.kurento;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of {@link KurentoMediaServer}. The constructor checks every value and reports all problems in one
 * {@link IllegalArgumentException}.
 *
 * @param url the media server's WebSocket address, for example {@code ws://127.0.0.1:8888/kurento}
 * @param connectTimeout how long connecting may take, including the WebSocket handshake (default 5 s)
 * @param requestTimeout how long each call to the media server may take (default 5 s)
 * @param maxParticipantsPerRoom room size limit (default 30)
 * @param stunAddress IP address of a STUN server given to every WebRTC endpoint, or null to keep the media
 *     server's own setting
 * @param stunPort port of that STUN server, 3478 when 0
 * @param turnUrl {@code user:password@address:port} of a TURN relay (Kurento's format), or null
 * @param recordingsFolder {@code file://} folder on the media server's file system where recordings go
 * @param mediaProfile Kurento's {@code MediaProfileSpecType} for recordings, for example {@code WEBM}
 */
public record KurentoSettings(URI url, Duration connectTimeout, Duration requestTimeout, int maxParticipantsPerRoom,
        String stunAddress, int stunPort, String turnUrl, URI recordingsFolder, String mediaProfile) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A guess for one 2-core server forwarding 360p video; measure before raising it. */
    public static final int DEFAULT_MAX_PARTICIPANTS = 30;
    public static final URI DEFAULT_RECORDINGS_FOLDER = URI.create("file:///var/lib/kurento/recordings/");
    public static final int DEFAULT_STUN_PORT = 3478;

    public KurentoSettings {
        List<String> problems = new ArrayList<>();
        if (url == null || url.getScheme() == null
                || !List.of("ws", "wss").contains(url.getScheme().toLowerCase(Locale.ROOT)) || url.getHost() == null) {
            problems.add("url must be a ws:// or wss:// address such as ws://127.0.0.1:8888/kurento, was " + url);
        }
        checkPositive(connectTimeout, "connectTimeout", problems);
        checkPositive(requestTimeout, "requestTimeout", problems);
        if (maxParticipantsPerRoom < 2) {
            problems.add("maxParticipantsPerRoom must be 2 or more, was " + maxParticipantsPerRoom);
        }
        if (stunAddress != null && stunAddress.isBlank()) {
            stunAddress = null;
        }
        if (stunPort == 0) {
            stunPort = DEFAULT_STUN_PORT;
        }
        if (stunPort < 1 || stunPort > 65535) {
            problems.add("stunPort must be between 1 and 65535, was " + stunPort);
        }
        if (turnUrl != null && turnUrl.isBlank()) {
            turnUrl = null;
        }
        if (turnUrl != null && !turnUrl.matches("[^:@\\s]+:[^@\\s]+@[^:@\\s]+:\\d{1,5}(\\?transport=(udp|tcp))?")) {
            problems.add("turnUrl must look like user:password@address:port, was "
                    + turnUrl.replaceAll(":[^@]*@", ":***@"));
        }
        if (recordingsFolder == null || !"file".equalsIgnoreCase(recordingsFolder.getScheme())) {
            problems.add("recordingsFolder must be a file:// URI such as file:///var/lib/kurento/recordings/, was "
                    + recordingsFolder);
        } else if (!recordingsFolder.getPath().endsWith("/")) {
            recordingsFolder = URI.create(recordingsFolder + "/");
        }
        mediaProfile = mediaProfile == null || mediaProfile.isBlank() ? "WEBM" : mediaProfile.toUpperCase(Locale.ROOT);
        if (!List.of("WEBM", "MKV", "MP4").contains(mediaProfile)) {
            problems.add("mediaProfile must be WEBM, MKV or MP4, was " + mediaProfile);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Kurento settings: " + String.join("; ", problems));
        }
    }

    /**
     * Reads the settings from environment variables, for deployments such as docker/compose.yml:
     * {@code LANGSO_KURENTO_URL} (without it there is no media server and the result is empty),
     * {@code LANGSO_KURENTO_STUN} ({@code address:port}), {@code LANGSO_KURENTO_TURN_URL}
     * ({@code user:password@address:port}), {@code LANGSO_KURENTO_RECORDINGS_URI} (a {@code file://} folder on
     * the media server) and {@code LANGSO_KURENTO_MAX_PARTICIPANTS}. Timeouts keep their defaults.
     *
     * @throws IllegalArgumentException naming every invalid value
     */
    public static Optional<KurentoSettings> fromEnvironment(Map<String, String> environment) {
        String url = environment.get("LANGSO_KURENTO_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String stun = environment.getOrDefault("LANGSO_KURENTO_STUN", "").trim();
        String stunAddress = null;
        int stunPort = 0;
        if (!stun.isEmpty()) {
            int colon = stun.lastIndexOf(':');
            stunAddress = colon < 0 ? stun : stun.substring(0, colon);
            stunPort = colon < 0 ? DEFAULT_STUN_PORT : parseInt(stun.substring(colon + 1), "LANGSO_KURENTO_STUN port");
        }
        String recordings = environment.get("LANGSO_KURENTO_RECORDINGS_URI");
        String maxParticipants = environment.get("LANGSO_KURENTO_MAX_PARTICIPANTS");
        URI parsedUrl;
        URI recordingsFolder;
        try {
            parsedUrl = new URI(url.trim());
            recordingsFolder = recordings == null || recordings.isBlank()
                    ? DEFAULT_RECORDINGS_FOLDER : new URI(recordings.trim());
        } catch (URISyntaxException error) {
            throw new IllegalArgumentException("Invalid Kurento settings: " + error.getMessage(), error);
        }
        return Optional.of(new KurentoSettings(parsedUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                maxParticipants == null || maxParticipants.isBlank() ? DEFAULT_MAX_PARTICIPANTS
                        : parseInt(maxParticipants, "LANGSO_KURENTO_MAX_PARTICIPANTS"),
                stunAddress, stunPort, environment.get("LANGSO_KURENTO_TURN_URL"), recordingsFolder, "WEBM"));
    }

    private static int parseInt(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException error) {
            throw new IllegalArgumentException("Invalid Kurento settings: " + name + " must be a whole number, was "
                    + value, error);
        }
    }

    /** Settings with every default and the given server address. */
    public static KurentoSettings defaults(URI url) {
        return new KurentoSettings(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_PARTICIPANTS,
                null, 0, null, DEFAULT_RECORDINGS_FOLDER, "WEBM");
    }

    public KurentoSettings withTimeouts(Duration connect, Duration request) {
        return new KurentoSettings(url, connect, request, maxParticipantsPerRoom, stunAddress, stunPort, turnUrl,
                recordingsFolder, mediaProfile);
    }

    public KurentoSettings withStun(String address, int port) {
        return new KurentoSettings(url, connectTimeout, requestTimeout, maxParticipantsPerRoom, address, port,
                turnUrl, recordingsFolder, mediaProfile);
    }

    public KurentoSettings withTurnUrl(String value) {
        return new KurentoSettings(url, connectTimeout, requestTimeout, maxParticipantsPerRoom, stunAddress,
                stunPort, value, recordingsFolder, mediaProfile);
    }

    public KurentoSettings withRecordingsFolder(URI folder) {
        return new KurentoSettings(url, connectTimeout, requestTimeout, maxParticipantsPerRoom, stunAddress,
                stunPort, turnUrl, folder, mediaProfile);
    }

    /** File extension of recordings in {@link #mediaProfile()}. */
    public String recordingExtension() {
        return mediaProfile.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "KurentoSettings[url=" + url + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxParticipantsPerRoom=" + maxParticipantsPerRoom + ", stun=" + stunAddress
                + ":" + stunPort + ", turn=" + (turnUrl == null ? "none" : "set") + ", recordingsFolder="
                + recordingsFolder + ", mediaProfile=" + mediaProfile + "]";
    }

    private static void checkPositive(Duration value, String name, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration, was " + value);
        }
    }
}
