package vn.langso.backend.rooms;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code room} with its cooperative's name. */
record RoomRecord(UUID id, long cooperativeId, String cooperativeName, String topic, Instant startsAt,
        int durationMinutes, int recordingRetentionDays, String createdBy, Instant createdAt, Instant endedAt) {

    Instant endsAt() {
        return startsAt.plusSeconds(durationMinutes * 60L);
    }
}
