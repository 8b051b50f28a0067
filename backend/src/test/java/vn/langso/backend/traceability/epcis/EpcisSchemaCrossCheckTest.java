package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.testing.SharedData;

/**
 * The validator in code against the official EPCIS 2.0 JSON schema (draft-07, single file, formats asserted). The
 * schema is read from the test data and never shipped. Every document the schema rejects is rejected too, except
 * the listed documents of the OpenEPCIS valid capture corpus, which the repository must accept. The published GS1
 * examples pass both.
 */
class EpcisSchemaCrossCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FOLDERS = List.of(
            "epcis/gs1-EPCIS/JSON",
            "epcis/gs1-EPCIS/JSON-Schema/test",
            "epcis/openepcis-test-resources/JSON/Capture/Documents",
            "epcis/openepcis-test-resources/JSON/Capture/Events",
            "epcis/openepcis-test-resources/JSON/Capture/Invalid",
            "epcis/openepcis-test-resources/JSON/Query",
            "epcis/opentraceability-gdst");

    /**
     * Valid OpenEPCIS capture documents (and their copies as query results) that the schema rejects. One has
     * persistentDisposition on an AggregationEvent, which the standard allows on every event type but the schema's
     * member list does not. Two have sensor report types (EffectiveDoseRate, Molar_concentration) missing from the
     * schema's measurement type list.
     */
    private static final Set<String> ACCEPTED_DESPITE_SCHEMA = Set.of(
            "AggregationEvent_with_persistentDisposition.json",
            "SensorData_with_combined_events.json",
            "TransactionEvent_with_userExtensions.json");

    @Test
    void schemaRejectionsAreRejected() throws IOException {
        Schema schema = officialSchema();
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        int schemaRejected = 0;
        for (Path file : documents()) {
            JsonNode document = JSON.readTree(Files.readString(file));
            if (!document.isObject() || !document.has("type") || document.path("type").asString().equals("EPCISQueryDocument")
                    && !document.path("epcisBody").path("queryResults").path("resultsBody").has("eventList")) {
                continue;
            }
            List<Error> schemaErrors = schema.validate(document);
            CaptureValidator.Result ours = validate(document);
            checked++;
            if (!schemaErrors.isEmpty()) {
                schemaRejected++;
                if (ours.valid() && !ACCEPTED_DESPITE_SCHEMA.contains(file.getFileName().toString())) {
                    disagreements.add(file.getFileName() + ": the schema rejects it (" + schemaErrors.getFirst()
                            + ") but the validator accepts it");
                }
            }
        }

        assertThat(checked).isGreaterThanOrEqualTo(120);
        assertThat(schemaRejected).isPositive();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void publishedExamplesPassBoth() throws IOException {
        Schema schema = officialSchema();
        List<String> failures = new ArrayList<>();
        for (Path file : files(SharedData.require("epcis/gs1-EPCIS/JSON"))) {
            JsonNode document = JSON.readTree(Files.readString(file));
            if (!schema.validate(document).isEmpty()) {
                failures.add(file.getFileName() + ": schema " + schema.validate(document));
            }
            CaptureValidator.Result ours = validate(document);
            if (!ours.valid()) {
                failures.add(file.getFileName() + ": validator " + ours.errors());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static CaptureValidator.Result validate(JsonNode document) {
        String type = document.path("type").asString();
        return type.equals("EPCISDocument") || type.equals("EPCISQueryDocument")
                ? CaptureValidator.validateDocument(document)
                : CaptureValidator.validateEvent(document);
    }

    private static Schema officialSchema() throws IOException {
        Path file = SharedData.require("epcis/gs1-EPCIS/EPCIS-JSON-Schema.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        try (InputStream in = Files.newInputStream(file)) {
            return registry.getSchema(in);
        }
    }

    private static List<Path> documents() {
        List<Path> all = new ArrayList<>();
        for (String folder : FOLDERS) {
            all.addAll(files(SharedData.require(folder)));
        }
        return all;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".json") || path.toString().endsWith(".jsonld"))
                    .filter(path -> !path.getFileName().toString().startsWith("gs1-vocab-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
