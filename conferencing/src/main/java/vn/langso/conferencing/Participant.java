package vn.langso.conferencing;

import java.util.Objects;

/** A person in a room, identified by an id unique within that room. */
public record Participant(String id, String displayName, ParticipantRole role) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Participant " + id + " needs a non-blank display name");
        }
    }
}
