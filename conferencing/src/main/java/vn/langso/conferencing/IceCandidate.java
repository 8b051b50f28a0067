package vn.langso.conferencing;

import java.util.Objects;

/**
 * An ICE candidate as WebRTC's {@code RTCIceCandidateInit} carries it.
 *
 * @param candidate the candidate line, for example {@code candidate:1 1 UDP 2015363327 192.0.2.1 40012 typ host}
 * @param sdpMid media stream identification tag, may be null when {@code sdpMLineIndex} is given
 * @param sdpMLineIndex index of the media description, 0-based
 */
public record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {

    public IceCandidate {
        Objects.requireNonNull(candidate, "candidate");
        if (sdpMLineIndex < 0) {
            throw new IllegalArgumentException("sdpMLineIndex must be 0 or more, was " + sdpMLineIndex);
        }
    }
}
