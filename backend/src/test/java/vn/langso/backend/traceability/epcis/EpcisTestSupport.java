package vn.langso.backend.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.langso.backend.ApiTestSupport;
import vn.langso.backend.security.CurrentUser;
import vn.langso.backend.testing.TestUsers;

/** Capture and query helpers for EPCIS API tests. */
abstract class EpcisTestSupport extends ApiTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final CurrentUser PARTNER = TestUsers.provinceAdmin();

    /** Response of a POST. */
    record PostResult(int status, String location, JsonNode body) {
    }

    PostResult post(String path, String body) {
        return post(path, body, PARTNER);
    }

    PostResult post(String path, String body, CurrentUser user) {
        var spec = client.post().uri(path).contentType(MediaType.parseMediaType("application/ld+json"));
        if (user != null) {
            spec = spec.headers(TestUsers.as(user));
        }
        var result = spec.bodyValue(body).exchange().expectBody(String.class).returnResult();
        String text = result.getResponseBody();
        JsonNode json = text == null || text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        return new PostResult(result.getStatus().value(), result.getResponseHeaders().getFirst("Location"), json);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long storedEventCount() {
        return count("SELECT count(*) FROM epcis_event");
    }

    static long count(String sql) {
        try (var connection = database().connect(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteEvents() {
        execute("DELETE FROM epcis_event_epc", "DELETE FROM epcis_event", "DELETE FROM epcis_capture");
    }

    /** Returns the event as a query returns it, minus recordTime and @context and minus an eventID it had not. */
    static JsonNode returnedComparable(JsonNode returned, JsonNode original) {
        ObjectNode copy = (ObjectNode) returned.deepCopy();
        copy.remove("recordTime");
        copy.remove("@context");
        if (!original.has("eventID")) {
            copy.remove("eventID");
        }
        return copy;
    }

    /** Compares JSON trees, treating numbers by value (jsonb stores 1.0 and 1.00 alike). */
    static boolean sameContent(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (!new TreeSet<>(a.propertyNames()).equals(new TreeSet<>(b.propertyNames()))) {
                return false;
            }
            for (String name : a.propertyNames()) {
                if (!sameContent(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameContent(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Removes recordTime and @context from an original event for comparison. */
    static JsonNode comparable(JsonNode original) {
        ObjectNode copy = (ObjectNode) original.deepCopy();
        copy.remove("recordTime");
        copy.remove("@context");
        return copy;
    }

    static void assertStatus(PostResult result, int status, String what) {
        assertThat(result.status()).as("%s: status; body %s", what, result.body()).isEqualTo(status);
    }

    /**
     * Captures one file into an emptied repository, queries every event back and appends a line per difference.
     */
    void captureAndCompare(Path file, String endpoint, List<String> failures) {
        captureAndCompare(file.getFileName().toString(), read(file), endpoint, failures);
    }

    void captureAndCompare(String name, String text, String endpoint, List<String> failures) {
        deleteEvents();
        JsonNode original = JSON.readTree(text);
        PostResult result = post(endpoint, text);
        if (result.status() != 202) {
            failures.add(name + ": status " + result.status() + " " + result.body());
            return;
        }
        JsonNode job = get(result.location()).expect(200);
        if (!job.path("success").asBoolean()) {
            failures.add(name + ": capture job failed " + job);
            return;
        }

        List<JsonNode> originals = new ArrayList<>();
        if (endpoint.equals("/epcis/events")) {
            originals.add(original);
        } else {
            JsonNode list = original.path("epcisBody").has("eventList")
                    ? original.path("epcisBody").path("eventList")
                    : original.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
            list.values().forEach(originals::add);
        }
        JsonNode events = get("/epcis/events?perPage=1000&orderBy=recordTime&orderDirection=ASC")
                .expect(200).path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
        if (events.size() != originals.size()) {
            failures.add(name + ": " + originals.size() + " events captured, " + events.size() + " returned");
            return;
        }
        for (int i = 0; i < originals.size(); i++) {
            JsonNode expected = comparable(originals.get(i));
            JsonNode actual = returnedComparable(events.get(i), originals.get(i));
            if (!sameContent(expected, actual)) {
                failures.add(name + ": event " + i + " differs\n  captured " + expected + "\n  returned " + actual);
            }
        }
    }
}
