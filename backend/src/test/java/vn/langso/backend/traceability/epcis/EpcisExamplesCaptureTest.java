package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.langso.gis.testing.SharedData;

/**
 * Every published example document is accepted, and each of its events is queried back with the same content.
 * Every document of the invalid corpus is rejected with an error naming the problem, and nothing of it is stored.
 */
class EpcisExamplesCaptureTest extends EpcisTestSupport {

    @Test
    void gs1ExamplesAreAcceptedAndQueriedBack() {
        Path folder = SharedData.require("epcis/gs1-EPCIS/JSON");
        List<Path> documents = files(folder, ".jsonld");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(40);
        List<String> failures = new ArrayList<>();
        for (Path document : documents) {
            captureAndCompare(document, "/epcis/capture", failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void openEpcisDocumentsAreAcceptedAndQueriedBack() {
        Path folder = SharedData.require("epcis/openepcis-test-resources/JSON/Capture/Documents");
        List<Path> documents = files(folder, ".json");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(30);
        List<String> failures = new ArrayList<>();
        for (Path document : documents) {
            captureAndCompare(document, "/epcis/capture", failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void openEpcisSingleEventsAreAccepted() {
        Path folder = SharedData.require("epcis/openepcis-test-resources/JSON/Capture/Events");
        List<String> failures = new ArrayList<>();
        for (Path event : files(folder, ".json")) {
            captureAndCompare(event, "/epcis/events", failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void invalidDocumentsAreRejected() {
        Path folder = SharedData.require("epcis/openepcis-test-resources/JSON/Capture/Invalid");
        List<Path> documents = files(folder, ".json");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(10);
        deleteEvents();
        for (Path document : documents) {
            PostResult result = post("/epcis/capture", read(document));

            assertStatus(result, 400, document.getFileName().toString());
            assertThat(result.body().path("type").asString()).isEqualTo("epcisException:ValidationException");
            assertThat(result.body().path("errors").size()).as("errors of %s", document.getFileName()).isPositive();
            assertThat(result.body().path("errors").get(0).path("field").asString()).isNotBlank();
            assertThat(result.body().path("detail").asString()).contains("Nothing was stored");
            assertThat(storedEventCount()).as("events stored from %s", document.getFileName()).isZero();
        }
        assertThat(count("SELECT count(*) FROM epcis_capture")).isZero();
    }

    @Test
    void secondEventBizStepNamedInError() {
        Path document = SharedData.require(
                "epcis/openepcis-test-resources/JSON/Capture/Invalid/ObjectEvent_with_non_standard_bizStep_in_second_event.json");

        PostResult result = post("/epcis/capture", read(document));

        assertStatus(result, 400, "non-standard bizStep");
        JsonNode error = result.body().path("errors").get(0);
        assertThat(error.path("eventIndex").asInt()).isEqualTo(1);
        assertThat(error.path("field").asString()).isEqualTo("epcisBody.eventList[1].bizStep");
        assertThat(error.path("reason").asString()).contains("transforming");
    }
}
