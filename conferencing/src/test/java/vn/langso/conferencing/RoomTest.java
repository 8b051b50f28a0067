package vn.langso.conferencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoomTest {

    private static final MediaServer PEER_TO_PEER = new PeerToPeerMediaServer();

    @Test
    void joinAndLeaveKeepOrder() {
        Room room = new Room("htx-tan-thuan-tay", PEER_TO_PEER);

        room.join(new Participant("a", "Nguyễn Văn An", ParticipantRole.MODERATOR));
        room.join(new Participant("b", "Trần Thị Bình", ParticipantRole.LISTENER));

        assertThat(room.participants()).extracting(Participant::id).containsExactly("a", "b");
        assertThat(room.leave("a")).isTrue();
        assertThat(room.leave("a")).isFalse();
        assertThat(room.participants()).extracting(Participant::id).containsExactly("b");
    }

    @Test
    void joinRejectsDuplicateId() {
        Room room = new Room("r", PEER_TO_PEER);
        room.join(new Participant("a", "An", ParticipantRole.SPEAKER));

        assertThatThrownBy(() -> room.join(new Participant("a", "An", ParticipantRole.SPEAKER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in room r");
    }

    @Test
    void joinRejectsFifthPeerToPeerParticipant() {
        Room room = new Room("r", PEER_TO_PEER);
        for (int i = 0; i < 4; i++) {
            room.join(new Participant("p" + i, "Người " + i, ParticipantRole.SPEAKER));
        }

        assertThatThrownBy(() -> room.join(new Participant("p4", "Người 4", ParticipantRole.SPEAKER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allows 4 participants");
    }

    @Test
    void participantNeedsDisplayName() {
        assertThatThrownBy(() -> new Participant("a", " ", ParticipantRole.LISTENER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ParticipantRole.LISTENER.canPublish()).isFalse();
        assertThat(ParticipantRole.SPEAKER.canPublish()).isTrue();
    }
}
