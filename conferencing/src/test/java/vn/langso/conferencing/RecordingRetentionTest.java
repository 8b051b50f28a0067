package vn.langso.conferencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void deletesOnlyExpiredRecordings() throws Exception {
        Path old = recording("htx-a", "htx-a-20261001-080000", NOW.minus(Duration.ofDays(40)));
        Path recent = recording("htx-a", "htx-a-20261201-080000", NOW.minus(Duration.ofDays(3)));
        Path otherRoom = recording("hoi-quan-b", "hoi-quan-b-20261002-080000", NOW.minus(Duration.ofDays(35)));

        var deleted = new RecordingRetention(folder, Duration.ofDays(30), CLOCK).purgeNow();

        assertThat(deleted).containsExactlyInAnyOrder(old, otherRoom);
        assertThat(old).doesNotExist();
        assertThat(recent.resolve("alice.webm")).exists();
        assertThat(folder.resolve("hoi-quan-b")).as("empty room folder").doesNotExist();
    }

    @Test
    void recentFileKeepsWholeRecording() throws Exception {
        Path recording = recording("htx-a", "rec", NOW.minus(Duration.ofDays(40)));
        Path late = recording.resolve("bob-1.webm");
        Files.writeString(late, "x");
        Files.setLastModifiedTime(late, FileTime.from(NOW.minus(Duration.ofDays(1))));

        assertThat(new RecordingRetention(folder, Duration.ofDays(30), CLOCK).purgeNow()).isEmpty();
        assertThat(recording.resolve("alice.webm")).exists();
    }

    @Test
    void missingFolderIsNothingToDo() throws Exception {
        assertThat(new RecordingRetention(folder.resolve("absent"), Duration.ofDays(1), CLOCK).purgeNow()).isEmpty();
    }

    @Test
    void rejectsZeroRetention() {
        assertThatThrownBy(() -> new RecordingRetention(folder, Duration.ZERO, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    private Path recording(String room, String id, Instant modified) throws Exception {
        Path recording = Files.createDirectories(folder.resolve(room).resolve(id));
        Path file = recording.resolve("alice.webm");
        Files.writeString(file, "webm");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        Files.setLastModifiedTime(recording, FileTime.from(modified));
        return recording;
    }
}
