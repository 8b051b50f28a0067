package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.langso.gis.testing.SharedData;

/**
 * The GDST aquaculture and livestock examples (the closest public analogue of pangasius and shrimp chains) are
 * accepted and queried back. Files named invalid break only GDST profile rules, which this repository does not
 * enforce, so they are valid EPCIS and accepted too.
 */
class EpcisGdstImportTest extends EpcisTestSupport {

    /** Documents whose event times have no offset, which RFC 3339 and so EPCIS 2.0 JSON require. */
    private static final String WITHOUT_OFFSET = "EPCISQueryDocument_with_masterdata.jsonld";

    @Test
    void gdstDocumentsAreAcceptedAndQueriedBack() {
        Path folder = SharedData.require("epcis/opentraceability-gdst");
        List<Path> documents = files(folder, ".jsonld");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(15);
        List<String> failures = new ArrayList<>();
        for (Path document : documents) {
            if (!document.getFileName().toString().equals(WITHOUT_OFFSET)) {
                captureAndCompare(document, "/epcis/capture", failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void eventTimeWithoutOffsetIsRejected() {
        Path document = SharedData.require("epcis/opentraceability-gdst/" + WITHOUT_OFFSET);
        deleteEvents();

        PostResult result = post("/epcis/capture", read(document));

        assertStatus(result, 400, WITHOUT_OFFSET);
        assertThat(result.body().path("errors").get(0).path("field").asString())
                .isEqualTo("epcisBody.queryResults.resultsBody.eventList[0].eventTime");
        assertThat(storedEventCount()).isZero();
    }

    @Test
    void livestockExampleWithCommentsIsAccepted() {
        Path file = SharedData.require("epcis/opentraceability-gdst/beef-leather-example-events.jsonc");
        List<String> failures = new ArrayList<>();

        captureAndCompare(file.getFileName().toString(), JsonComments.strip(read(file)), "/epcis/capture", failures);

        assertThat(failures).isEmpty();
        assertThat(storedEventCount()).isPositive();
    }

    @Test
    void commentStripperKeepsStrings() {
        String text = "{\"a\": \"https://x.org/y\", // note\n \"b\": 1 /* block */}";

        assertThat(JsonComments.strip(text)).isEqualTo("{\"a\": \"https://x.org/y\", \n \"b\": 1 }");
    }
}
