package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/**
 * The datetime parameter: instants and intervals with their offsets honoured. Reports filter on reported_at
 * (fixtures at 2025-06-30T20:00Z, 2025-07-01T00:00Z, 2025-07-01T10:00Z and 2025-07-02T03:30Z); administrative
 * units on their validity period.
 */
class OgcDatetimeApiTest extends ApiTestSupport {

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
    }

    @Test
    void instantWithOffsetEqualsZ() {
        List<String> withOffset = reports("2025-07-01T07:00:00+07:00");
        List<String> inUtc = reports("2025-07-01T00:00:00Z");

        assertThat(withOffset).containsExactly("Ổ gà trên đường");
        assertThat(inUtc).isEqualTo(withOffset);
    }

    @Test
    void intervalWithOffsetEqualsZ() {
        List<String> withOffset = reports("2025-07-01T03:00:00+07:00/2025-07-01T17:00:00+07:00");
        List<String> inUtc = reports("2025-06-30T20:00:00Z/2025-07-01T10:00:00Z");

        assertThat(inUtc).containsExactly("Đèn đường hỏng", "Ổ gà trên đường", "Rác thải");
        assertThat(withOffset).isEqualTo(inUtc);
    }

    @Test
    void openStartAndOpenEnd() {
        assertThat(reports("../2025-07-01T00:00:00Z")).containsExactly("Đèn đường hỏng", "Ổ gà trên đường");
        assertThat(reports("/2025-07-01T00:00:00Z")).containsExactly("Đèn đường hỏng", "Ổ gà trên đường");
        assertThat(reports("2025-07-01T10:00:00Z/..")).containsExactly("Rác thải", "Ngập nước");
        assertThat(reports("../..")).hasSize(4);
    }

    @Test
    void dateIsWholeDayInVietnam() {
        // 2025-07-01 in Vietnam runs from 2025-06-30T17:00Z to 2025-07-01T17:00Z.
        assertThat(reports("2025-07-01")).containsExactly("Đèn đường hỏng", "Ổ gà trên đường", "Rác thải");
        assertThat(reports("2025-07-02")).containsExactly("Ngập nước");
        assertThat(reports("2025-07-01/2025-07-02"))
                .containsExactly("Đèn đường hỏng", "Ổ gà trên đường", "Rác thải", "Ngập nước");
    }

    @Test
    void lowerCaseSeparatorsAccepted() {
        assertThat(reports("2025-07-01t00:00:00z")).containsExactly("Ổ gà trên đường");
    }

    @Test
    void adminUnitsValidAtInstant() {
        assertThat(units("2020-01-01T00:00:00Z")).containsExactly("30001", "866");
        // Validity dates start at midnight in Vietnam: the new communes are in force from 2025-06-30T17:00Z.
        assertThat(units("2025-07-01T00:00:00+07:00")).containsExactly("90001", "90002");
        assertThat(units("2025-06-30T17:00:00Z")).containsExactly("90001", "90002");
        assertThat(units("2025-06-30T23:59:59+07:00")).containsExactly("30001", "866");
        assertThat(units("2025-06-30T16:59:59Z")).containsExactly("30001", "866");
    }

    @Test
    void adminUnitsOverlappingInterval() {
        assertThat(units("2025-06-01/2025-08-01")).containsExactly("30001", "866", "90001", "90002");
        assertThat(units("2000-01-01/2003-12-31")).isEmpty();
        assertThat(units("2030-01-01T00:00:00Z/..")).containsExactly("90001", "90002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2025-13-01", "2025-07-01T00:00:00", "2025-07-02/2025-07-01",
            "2025-07-01/2025-07-02/2025-07-03", "", "1751328000", "+12025-07-01T00:00:00Z", "+12025-07-01"})
    void invalidDatetimeRejected(String datetime) {
        JsonNode problem = get("/ogc/collections/reports/items?datetime=" + encode(datetime))
                .expectProblem(400, "/problems/invalid-parameter");

        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo("datetime");
        assertThat(problem.path("detail").asString()).contains("RFC 3339");
    }

    @Test
    void unencodedPlusSignOfOffsetAccepted() {
        JsonNode page = get("/ogc/collections/reports/items?datetime=2025-07-01T07:00:00+07:00").expect(200);

        assertThat(page.path("features").get(0).path("properties").path("name").asString()).isEqualTo("Ổ gà trên đường");
        assertThat(page.path("numberMatched").asLong()).isEqualTo(1);
    }

    private List<String> reports(String datetime) {
        JsonNode page = get("/ogc/collections/reports/items?datetime=" + encode(datetime)).expect(200);
        List<String> names = new ArrayList<>();
        page.path("features").forEach(feature -> names.add(feature.path("properties").path("name").asString()));
        return names;
    }

    private List<String> units(String datetime) {
        JsonNode page = get("/ogc/collections/admin-units/items?datetime=" + encode(datetime)).expect(200);
        List<String> codes = new ArrayList<>();
        page.path("features").forEach(feature -> codes.add(feature.path("properties").path("code").asString()));
        codes.sort(null);
        return codes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
