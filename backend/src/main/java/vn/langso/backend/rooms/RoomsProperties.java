package vn.langso.backend.rooms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of video rooms ({@code langso.rooms.*}).
 *
 * @param pingInterval          how often the server sends {@code ping} on each signalling WebSocket
 * @param idleTimeout           a participant that sent nothing (no {@code pong}, no frame) for this long is removed
 *                              and the others receive {@code participant-left}; a dead connection is noticed at most one second later
 * @param joinTimeout           how long a new WebSocket may take to send its {@code join} message
 * @param joinTokenLifetime     validity of a member's join token, from its creation to its single use
 * @param maxInvitationLifetime longest validity a moderator may give an invitation link
 * @param maxMessageBytes       largest signalling message accepted, in bytes (SDP offers are a few KB)
 * @param maxChatLength         longest chat message, in characters
 * @param outboundBuffer        messages queued for one participant before it counts as too slow and is removed
 * @param mediaOpenTimeout      how long opening a room on the media server may take before peer-to-peer is used
 * @param mediaRetryInterval    how long the media server is skipped after it failed
 * @param recordingPurgeInterval how often recordings past their retention are deleted from the list
 */
@Validated
@ConfigurationProperties("langso.rooms")
record RoomsProperties(
        @DefaultValue("5s") Duration pingInterval,
        @DefaultValue("12s") Duration idleTimeout,
        @DefaultValue("10s") Duration joinTimeout,
        @DefaultValue("2m") Duration joinTokenLifetime,
        @DefaultValue("30d") Duration maxInvitationLifetime,
        @DefaultValue("65536") int maxMessageBytes,
        @DefaultValue("2000") int maxChatLength,
        @DefaultValue("256") int outboundBuffer,
        @DefaultValue("5s") Duration mediaOpenTimeout,
        @DefaultValue("60s") Duration mediaRetryInterval,
        @DefaultValue("1h") Duration recordingPurgeInterval) {

    RoomsProperties {
        requirePositive(pingInterval, "langso.rooms.ping-interval");
        requirePositive(joinTimeout, "langso.rooms.join-timeout");
        requirePositive(joinTokenLifetime, "langso.rooms.join-token-lifetime");
        requirePositive(maxInvitationLifetime, "langso.rooms.max-invitation-lifetime");
        requirePositive(mediaOpenTimeout, "langso.rooms.media-open-timeout");
        requirePositive(recordingPurgeInterval, "langso.rooms.recording-purge-interval");
        if (idleTimeout.compareTo(pingInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("langso.rooms.idle-timeout (" + idleTimeout
                    + ") must be at least twice langso.rooms.ping-interval (" + pingInterval
                    + "), or a participant that misses one ping is removed");
        }
        if (maxMessageBytes < 4096 || outboundBuffer < 16 || maxChatLength < 1) {
            throw new IllegalArgumentException("langso.rooms.max-message-bytes must be at least 4096, "
                    + "langso.rooms.outbound-buffer at least 16 and langso.rooms.max-chat-length at least 1");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
