package vn.langso.backend.rooms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.conferencing.ParticipantRole;

/** Reads and writes rooms, their invitees and their cooperatives' places. Tokens reach it only as hashes. */
@Repository
class RoomRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ROOM_COLUMNS = """
            r.id, r.cooperative_id, c.name AS cooperative_name, r.topic, r.starts_at, r.duration_minutes,
            r.recording_retention_days, r.created_by, r.created_at, r.ended_at""";

    private final DatabaseClient database;

    RoomRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Returns the cooperative's name, or empty when no cooperative has the id. */
    Mono<String> cooperativeName(long cooperativeId) {
        return database.sql("SELECT name FROM cooperative WHERE id = :id")
                .bind("id", cooperativeId)
                .map(row -> row.get("name", String.class))
                .one();
    }

    /** Inserts a room with its invitees in one statement, so that a failure leaves nothing behind. */
    Mono<UUID> insert(NewRoom room, String createdBy) {
        String invitees = JSON.writeValueAsString(room.invitees().stream()
                .map(invitee -> java.util.Map.of("account_id", invitee.accountId(), "role", roleName(invitee.role())))
                .toList());
        return database.sql("""
                        WITH inserted AS (
                            INSERT INTO room (cooperative_id, topic, starts_at, duration_minutes, recording_retention_days, created_by)
                            VALUES (:cooperative, :topic, :startsAt, :duration, :retention, :createdBy)
                            RETURNING id),
                        invited AS (
                            INSERT INTO room_invitee (room_id, account_id, role)
                            SELECT inserted.id, i.account_id, i.role
                              FROM inserted, jsonb_to_recordset(CAST(:invitees AS jsonb)) AS i(account_id text, role text))
                        SELECT id FROM inserted""")
                .bind("cooperative", room.cooperativeId())
                .bind("topic", room.topic())
                .bind("startsAt", OffsetDateTime.ofInstant(room.startsAt(), ZoneOffset.UTC))
                .bind("duration", room.durationMinutes())
                .bind("retention", room.recordingRetentionDays())
                .bind("createdBy", createdBy)
                .bind("invitees", invitees)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<RoomRecord> find(UUID id) {
        return database.sql("SELECT " + ROOM_COLUMNS + " FROM room r JOIN cooperative c ON c.id = r.cooperative_id WHERE r.id = :id")
                .bind("id", id)
                .map(RoomRepository::toRoom)
                .one();
    }

    /** Finds the cooperative's rooms, the latest start first. */
    Flux<RoomRecord> findByCooperative(long cooperativeId, int limit) {
        return database.sql("SELECT " + ROOM_COLUMNS + """
                         FROM room r JOIN cooperative c ON c.id = r.cooperative_id
                        WHERE r.cooperative_id = :cooperative
                        ORDER BY r.starts_at DESC
                        LIMIT :limit""")
                .bind("cooperative", cooperativeId)
                .bind("limit", limit)
                .map(RoomRepository::toRoom)
                .all();
    }

    /** Returns the role of the account's personal invitation to the room, or empty when it has none. */
    Mono<ParticipantRole> inviteeRole(UUID roomId, String accountId) {
        if (accountId == null) {
            return Mono.empty();
        }
        return database.sql("SELECT role FROM room_invitee WHERE room_id = :room AND account_id = :account")
                .bind("room", roomId)
                .bind("account", accountId)
                .map(row -> roleOf(row.get("role", String.class)))
                .one();
    }

    Flux<Invitee> invitees(UUID roomId) {
        return database.sql("SELECT account_id, role FROM room_invitee WHERE room_id = :room ORDER BY account_id")
                .bind("room", roomId)
                .map(row -> new Invitee(row.get("account_id", String.class), roleOf(row.get("role", String.class))))
                .all();
    }

    Mono<UUID> insertInvitation(UUID roomId, byte[] tokenHash, NewInvitation invitation, Instant expiresAt,
            String createdBy) {
        return database.sql("""
                        INSERT INTO room_invitation (room_id, token_hash, role, single_use, requires_admission, expires_at, created_by)
                        VALUES (:room, :hash, :role, :singleUse, :admission, :expiresAt, :createdBy)
                        RETURNING id""")
                .bind("room", roomId)
                .bind("hash", tokenHash)
                .bind("role", roleName(invitation.role()))
                .bind("singleUse", invitation.singleUse())
                .bind("admission", invitation.requiresAdmission())
                .bind("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .bind("createdBy", createdBy)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Flux<InvitationSummary> invitations(UUID roomId) {
        return database.sql("""
                        SELECT id, role, single_use, requires_admission, expires_at, used_count, revoked_at, created_at
                          FROM room_invitation WHERE room_id = :room ORDER BY created_at""")
                .bind("room", roomId)
                .map(row -> new InvitationSummary(row.get("id", UUID.class), roleOf(row.get("role", String.class)),
                        Boolean.TRUE.equals(row.get("single_use", Boolean.class)),
                        Boolean.TRUE.equals(row.get("requires_admission", Boolean.class)),
                        instant(row, "expires_at"), row.get("used_count", Integer.class), instant(row, "revoked_at"),
                        instant(row, "created_at")))
                .all();
    }

    /** Revokes the invitation; returns false when the room has no such invitation. */
    Mono<Boolean> revokeInvitation(UUID roomId, UUID invitationId) {
        return database.sql("""
                        UPDATE room_invitation SET revoked_at = COALESCE(revoked_at, now())
                         WHERE room_id = :room AND id = :id""")
                .bind("room", roomId)
                .bind("id", invitationId)
                .fetch().rowsUpdated()
                .map(count -> count > 0);
    }

    /**
     * Counts one use of a valid invitation, atomically, so that a single-use link admits one person even when two
     * use it at the same moment. Returns empty when the token matches no usable invitation of the room.
     */
    Mono<UsedInvitation> useInvitation(UUID roomId, byte[] tokenHash) {
        return database.sql("""
                        UPDATE room_invitation SET used_count = used_count + 1
                         WHERE room_id = :room AND token_hash = :hash AND revoked_at IS NULL AND expires_at > now()
                           AND (NOT single_use OR used_count = 0)
                        RETURNING id, role, requires_admission""")
                .bind("room", roomId)
                .bind("hash", tokenHash)
                .map(row -> new UsedInvitation(row.get("id", UUID.class), roleOf(row.get("role", String.class)),
                        Boolean.TRUE.equals(row.get("requires_admission", Boolean.class))))
                .one();
    }

    /** Explains why {@link #useInvitation} found nothing: unknown, revoked, expired or already used. */
    Mono<String> invitationState(UUID roomId, byte[] tokenHash) {
        return database.sql("""
                        SELECT CASE WHEN revoked_at IS NOT NULL THEN 'revoked'
                                    WHEN expires_at <= now() THEN 'expired'
                                    ELSE 'used' END AS state
                          FROM room_invitation WHERE room_id = :room AND token_hash = :hash""")
                .bind("room", roomId)
                .bind("hash", tokenHash)
                .map(row -> row.get("state", String.class))
                .one()
                .defaultIfEmpty("unknown");
    }

    Mono<Void> insertJoinToken(UUID roomId, byte[] tokenHash, String accountId, String displayName,
            ParticipantRole role, Instant expiresAt) {
        return database.sql("""
                        INSERT INTO room_join_token (token_hash, room_id, account_id, display_name, role, expires_at)
                        VALUES (:hash, :room, :account, :name, :role, :expiresAt)""")
                .bind("hash", tokenHash)
                .bind("room", roomId)
                .bind("account", accountId)
                .bind("name", displayName)
                .bind("role", roleName(role))
                .bind("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .then();
    }

    /** Uses a join token once; returns empty when it is unknown, expired, used or for another room. */
    Mono<JoinIdentity> useJoinToken(UUID roomId, byte[] tokenHash) {
        return database.sql("""
                        UPDATE room_join_token SET used_at = now()
                         WHERE token_hash = :hash AND room_id = :room AND used_at IS NULL AND expires_at > now()
                        RETURNING account_id, display_name, role""")
                .bind("hash", tokenHash)
                .bind("room", roomId)
                .map(row -> new JoinIdentity(row.get("account_id", String.class), row.get("display_name", String.class),
                        roleOf(row.get("role", String.class))))
                .one();
    }

    /** Deletes join tokens that expired more than a day ago; returns how many. */
    Mono<Long> purgeJoinTokens() {
        return database.sql("DELETE FROM room_join_token WHERE expires_at < now() - interval '1 day'")
                .fetch().rowsUpdated();
    }

    Mono<Long> insertLobbyEntry(UUID roomId, UUID invitationId, String displayName) {
        return database.sql("""
                        INSERT INTO room_lobby_entry (room_id, invitation_id, display_name) VALUES (:room, :invitation, :name)
                        RETURNING id""")
                .bind("room", roomId)
                .bind("invitation", invitationId)
                .bind("name", displayName)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /** Records the outcome of a lobby request once; later decisions on the same entry are ignored. */
    Mono<Void> decideLobbyEntry(long entryId, String decision, String decidedBy) {
        return database.sql("""
                        UPDATE room_lobby_entry SET decision = :decision, decided_by = :by, decided_at = now()
                         WHERE id = :id AND decision IS NULL""")
                .bind("decision", decision)
                .bind("by", decidedBy == null ? "" : decidedBy)
                .bind("id", entryId)
                .then();
    }

    Mono<Void> insertRecording(UUID roomId, String recordingId, String uri, String startedBy, Instant startedAt) {
        return database.sql("""
                        INSERT INTO room_recording (id, room_id, uri, started_by, started_at)
                        VALUES (:id, :room, :uri, :by, :startedAt)""")
                .bind("id", recordingId)
                .bind("room", roomId)
                .bind("uri", uri)
                .bind("by", startedBy)
                .bind("startedAt", OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
                .then();
    }

    /** Marks the recording stopped and sets its deletion date from the room's retention. */
    Mono<Void> stopRecording(String recordingId, String uri, Instant stoppedAt) {
        return database.sql("""
                        UPDATE room_recording rec
                           SET stopped_at = :stoppedAt, uri = :uri,
                               delete_after = :stoppedAt + make_interval(days => r.recording_retention_days)
                          FROM room r
                         WHERE rec.id = :id AND r.id = rec.room_id""")
                .bind("id", recordingId)
                .bind("uri", uri)
                .bind("stoppedAt", OffsetDateTime.ofInstant(stoppedAt, ZoneOffset.UTC))
                .then();
    }

    /** Lists the room's recordings that are still within their retention, the latest first. */
    Flux<RecordingSummary> recordings(UUID roomId) {
        return database.sql("""
                        SELECT id, uri, started_at, stopped_at, size_bytes, delete_after FROM room_recording
                         WHERE room_id = :room AND (delete_after IS NULL OR delete_after > now())
                         ORDER BY started_at DESC""")
                .bind("room", roomId)
                .map(row -> new RecordingSummary(row.get("id", String.class), row.get("uri", String.class),
                        instant(row, "started_at"), instant(row, "stopped_at"), row.get("size_bytes", Long.class),
                        instant(row, "delete_after")))
                .all();
    }

    /** Deletes recordings past their retention from the list; returns how many. */
    Mono<Long> purgeExpiredRecordings() {
        return database.sql("DELETE FROM room_recording WHERE delete_after <= now()").fetch().rowsUpdated();
    }

    /**
     * Finds the cooperatives with rooms that have not ended, with their place, the number of such rooms and the next
     * start, for the map.
     */
    Flux<RoomPlace> places(Instant now) {
        return database.sql("""
                        SELECT c.id, c.name, ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat, count(*) AS room_count,
                               min(r.starts_at) FILTER (WHERE r.starts_at > :now) AS next_start
                          FROM room r JOIN cooperative c ON c.id = r.cooperative_id
                         WHERE r.ended_at IS NULL
                           AND r.starts_at + make_interval(mins => r.duration_minutes) > :now
                         GROUP BY c.id, c.name, c.geom
                         ORDER BY c.id""")
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .map(row -> new RoomPlace(row.get("id", Long.class), row.get("name", String.class),
                        row.get("lon", Double.class), row.get("lat", Double.class), row.get("room_count", Long.class),
                        instant(row, "next_start")))
                .all();
    }

    private static RoomRecord toRoom(Readable row) {
        return new RoomRecord(row.get("id", UUID.class), row.get("cooperative_id", Long.class),
                row.get("cooperative_name", String.class), row.get("topic", String.class), instant(row, "starts_at"),
                row.get("duration_minutes", Integer.class), row.get("recording_retention_days", Integer.class),
                row.get("created_by", String.class), instant(row, "created_at"), instant(row, "ended_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String roleName(ParticipantRole role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    static ParticipantRole roleOf(String name) {
        return ParticipantRole.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** A new room as the API received it, already validated. */
    record NewRoom(long cooperativeId, String topic, Instant startsAt, int durationMinutes, int recordingRetentionDays,
            List<Invitee> invitees) {
    }

    /** A new invitation link's settings, already validated. */
    record NewInvitation(ParticipantRole role, boolean singleUse, boolean requiresAdmission) {
    }

    record UsedInvitation(UUID id, ParticipantRole role, boolean requiresAdmission) {
    }

    /** The account, name and role that a join token was issued for. */
    record JoinIdentity(String accountId, String displayName, ParticipantRole role) {
    }

    record InvitationSummary(UUID id, ParticipantRole role, boolean singleUse, boolean requiresAdmission,
            Instant expiresAt, int usedCount, Instant revokedAt, Instant createdAt) {
    }

    record RecordingSummary(String id, String uri, Instant startedAt, Instant stoppedAt, Long sizeBytes,
            Instant deleteAfter) {
    }

    record RoomPlace(long cooperativeId, String name, double lon, double lat, long roomCount, Instant nextStart) {
    }
}
