package vn.langso.backend.rooms;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.rooms.RoomRepository.NewInvitation;
import vn.langso.backend.rooms.RoomRepository.NewRoom;
import vn.langso.conferencing.ParticipantRole;

/**
 * Parses and validates request bodies and path values of the room API. Every problem of a body is collected and
 * reported together, each naming the member and what to send instead.
 */
final class RoomInput {

    static final int MAX_TOPIC_LENGTH = 200;
    static final int MAX_INVITEES = 200;
    static final int MAX_BODY_CHARS = 64 * 1024;
    /** Rooms may start this long in the past, so that a meeting can be opened on the spot. */
    static final Duration MAX_START_IN_PAST = Duration.ofHours(1);
    static final Duration MAX_START_IN_FUTURE = Duration.ofDays(366);
    static final Duration DEFAULT_INVITATION_LIFETIME = Duration.ofDays(7);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RoomInput() {
    }

    static UUID roomId(String value) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the other malformed ids.
        }
        throw InvalidParameterException.of("id", "Room id '" + clip(value)
                + "' is not a UUID; use the id returned when the room was created.");
    }

    static long cooperativeId(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw InvalidParameterException.of("cooperative", "Cooperative id '" + clip(value)
                + "' is not a positive integer; use the id of a feature of the cooperatives layer.");
    }

    static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidParameterException.of("body", "The request body is empty; send a JSON object.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw InvalidParameterException.of("body", "The request body has " + body.length()
                    + " characters; the maximum is " + MAX_BODY_CHARS + ".");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw InvalidParameterException.of("body", "The request body is not valid JSON: "
                    + clip(e.getOriginalMessage()) + ". Send a JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw InvalidParameterException.of("body", "The request body must be a JSON object.");
        }
        return node;
    }

    static NewRoom newRoom(JsonNode body, Instant now) {
        List<InvalidParam> problems = new ArrayList<>();

        long cooperativeId = 0;
        JsonNode cooperative = body.path("cooperativeId");
        if (cooperative.isIntegralNumber() && cooperative.asLong() > 0) {
            cooperativeId = cooperative.asLong();
        } else {
            problems.add(new InvalidParam("cooperativeId", "cooperativeId is missing or not a positive integer (was "
                    + clip(cooperative.toString()) + "); send the id of a feature of the cooperatives layer."));
        }

        String topic = text(body, "topic", MAX_TOPIC_LENGTH, problems);

        Instant startsAt = null;
        JsonNode start = body.path("startsAt");
        if (!start.isString()) {
            problems.add(new InvalidParam("startsAt", "startsAt is missing or not a string; send a date and time "
                    + "with an offset, for example 2026-12-20T08:00:00+07:00."));
        } else {
            try {
                startsAt = OffsetDateTime.parse(start.asString()).toInstant();
                if (startsAt.isBefore(now.minus(MAX_START_IN_PAST)) || startsAt.isAfter(now.plus(MAX_START_IN_FUTURE))) {
                    problems.add(new InvalidParam("startsAt", "startsAt " + start.asString() + " is out of range; "
                            + "a room may start from one hour ago up to one year ahead."));
                }
            } catch (DateTimeParseException e) {
                problems.add(new InvalidParam("startsAt", "startsAt '" + clip(start.asString()) + "' is not a date "
                        + "and time with an offset; send for example 2026-12-20T08:00:00+07:00."));
            }
        }

        int duration = integer(body, "durationMinutes", 60, 5, 1440, problems);
        int retention = integer(body, "recordingRetentionDays", 90, 1, 3650, problems);
        List<Invitee> invitees = invitees(body.path("invitedMembers"), problems);

        if (!problems.isEmpty()) {
            throw InvalidParameterException.of(problems);
        }
        return new NewRoom(cooperativeId, topic, startsAt, duration, retention, invitees);
    }

    static NewInvitation newInvitation(JsonNode body) {
        List<InvalidParam> problems = new ArrayList<>();
        ParticipantRole role = ParticipantRole.LISTENER;
        JsonNode roleNode = body.path("role");
        if (!roleNode.isMissingNode()) {
            role = roleOf(roleNode, "role", problems);
            if (role == ParticipantRole.MODERATOR) {
                problems.add(new InvalidParam("role", "An invitation link cannot make a guest a moderator; "
                        + "use speaker or listener, or invite the account by its id when scheduling the room."));
            }
        }
        boolean singleUse = bool(body, "singleUse", true, problems);
        boolean requiresAdmission = bool(body, "requiresAdmission", true, problems);
        if (!problems.isEmpty()) {
            throw InvalidParameterException.of(problems);
        }
        return new NewInvitation(role, singleUse, requiresAdmission);
    }

    /** Reads {@code expiresInMinutes}: at least one minute, at most the configured longest lifetime. */
    static Duration invitationLifetime(JsonNode body, Duration max) {
        List<InvalidParam> problems = new ArrayList<>();
        long maxMinutes = max.toMinutes();
        long defaultMinutes = Math.min(DEFAULT_INVITATION_LIFETIME.toMinutes(), maxMinutes);
        int minutes = integer(body, "expiresInMinutes", (int) defaultMinutes, 1, (int) Math.min(maxMinutes, Integer.MAX_VALUE),
                problems);
        if (!problems.isEmpty()) {
            throw InvalidParameterException.of(problems);
        }
        return Duration.ofMinutes(minutes);
    }

    /** Returns the text normalised to NFC and stripped, or records a problem when it is missing, empty or too long. */
    static String text(JsonNode body, String name, int maxLength, List<InvalidParam> problems) {
        JsonNode node = body.path(name);
        if (!node.isString()) {
            problems.add(new InvalidParam(name, name + " is missing or not a string; send text of 1 to " + maxLength
                    + " characters."));
            return null;
        }
        String value = cleanText(node.asString());
        if (value.isEmpty() || value.length() > maxLength) {
            problems.add(new InvalidParam(name, name + " has " + value.length() + " characters after trimming; send 1 to "
                    + maxLength + "."));
            return null;
        }
        return value;
    }

    /** Normalises text to NFC, replaces control characters (line breaks included) by spaces and strips it. */
    static String cleanText(String value) {
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder cleaned = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return cleaned.toString().strip();
    }

    private static List<Invitee> invitees(JsonNode node, List<InvalidParam> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_INVITEES) {
            problems.add(new InvalidParam("invitedMembers", "invitedMembers must be an array of at most " + MAX_INVITEES
                    + " objects {\"accountId\": \"...\", \"role\": \"speaker\"}."));
            return List.of();
        }
        List<Invitee> invitees = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String name = "invitedMembers[" + i + "]";
            JsonNode item = node.get(i);
            JsonNode account = item.path("accountId");
            if (!account.isString() || account.asString().isBlank() || account.asString().length() > 200) {
                problems.add(new InvalidParam(name + ".accountId", "accountId is missing, empty or longer than 200 "
                        + "characters; send the account's id."));
                continue;
            }
            String accountId = account.asString().strip();
            if (!seen.add(accountId)) {
                problems.add(new InvalidParam(name + ".accountId", "Account " + clip(accountId)
                        + " is invited twice; list each account once."));
                continue;
            }
            ParticipantRole role = item.path("role").isMissingNode() ? ParticipantRole.SPEAKER
                    : roleOf(item.path("role"), name + ".role", problems);
            if (role != null) {
                invitees.add(new Invitee(accountId, role));
            }
        }
        return invitees;
    }

    private static ParticipantRole roleOf(JsonNode node, String name, List<InvalidParam> problems) {
        if (node.isString()) {
            for (ParticipantRole role : ParticipantRole.values()) {
                if (role.name().toLowerCase(Locale.ROOT).equals(node.asString())) {
                    return role;
                }
            }
        }
        problems.add(new InvalidParam(name, name + " '" + clip(node.toString())
                + "' is not a role; use moderator, speaker or listener."));
        return null;
    }

    private static int integer(JsonNode body, String name, int defaultValue, int min, int max, List<InvalidParam> problems) {
        JsonNode node = body.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problems.add(new InvalidParam(name, name + " " + clip(node.toString()) + " is not an integer from " + min
                    + " to " + max + "."));
            return defaultValue;
        }
        return node.asInt();
    }

    private static boolean bool(JsonNode body, String name, boolean defaultValue, List<InvalidParam> problems) {
        JsonNode node = body.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            problems.add(new InvalidParam(name, name + " " + clip(node.toString()) + " is not true or false."));
            return defaultValue;
        }
        return node.asBoolean();
    }

    /** Shortens a value for an error message and removes line breaks. */
    static String clip(String value) {
        String single = String.valueOf(value).replaceAll("[\\r\\n]", " ");
        return single.length() > 60 ? single.substring(0, 60) + "…" : single;
    }
}
