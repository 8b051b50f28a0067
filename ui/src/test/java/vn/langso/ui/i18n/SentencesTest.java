package vn.langso.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void fullStopAddedWhenMissing() {
        assertThat(Sentences.withFinalStop("Collection 'nope' does not exist")).isEqualTo("Collection 'nope' does not exist.");
    }

    @Test
    void ownFullStopKeptOnce() {
        assertThat(Sentences.withFinalStop("Known collections: schools.")).isEqualTo("Known collections: schools.");
        assertThat(Sentences.withFinalStop("Known collections: schools..")).isEqualTo("Known collections: schools.");
    }

    @Test
    void otherFinalMarksKept() {
        assertThat(Sentences.withFinalStop("Did you mean 'schools'?")).isEqualTo("Did you mean 'schools'?");
        assertThat(Sentences.withFinalStop("Stop!")).isEqualTo("Stop!");
        assertThat(Sentences.withFinalStop("<html><body>Bad gateway…")).isEqualTo("<html><body>Bad gateway…");
    }

    @Test
    void surroundingSpacesRemoved() {
        assertThat(Sentences.withFinalStop("  timed out . \n")).isEqualTo("timed out.");
        assertThat(Sentences.withFinalStop("timed out \t")).isEqualTo("timed out.");
        assertThat(Sentences.withFinalStop("Why? ")).isEqualTo("Why?");
    }

    @Test
    void blankStaysEmpty() {
        assertThat(Sentences.withFinalStop("  ")).isEmpty();
        assertThat(Sentences.withFinalStop(null)).isEmpty();
    }
}
