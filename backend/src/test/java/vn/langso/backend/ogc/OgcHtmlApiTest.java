package vn.langso.backend.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import vn.langso.backend.ApiTestSupport;

/** The HTML pages of the OGC API, parsed as well-formed markup, in English and in Vietnamese. */
@TestPropertySource(properties = {"langso.api.default-limit=2", "langso.api.max-limit=10"})
class OgcHtmlApiTest extends ApiTestSupport {

    /** A clinic whose name is stored decomposed (NFD), as some imported files write Vietnamese. */
    private static final String NFD_NAME = Normalizer.normalize("Phòng khám Mỹ Thọ", Normalizer.Form.NFD);
    private static final int CLINICS = OgcFixtures.CLINIC_COUNT + 1;
    private static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";

    @BeforeAll
    static void insertFixtures() {
        execute(OgcFixtures.statements());
        execute("INSERT INTO clinic (name, geom, facility_type, ownership, source, source_key) VALUES ('" + NFD_NAME
                + "', ST_SetSRID(ST_MakePoint(105.66, 10.47), 4326), 'clinic', 'private', 'test', '7')");
    }

    /** A page that was served with 200 text/html. */
    private record Page(String html, HtmlDocument document, HttpHeaders headers) {
    }

    private Page page(String pathAndQuery, String acceptLanguage) {
        EntityExchangeResult<String> result = client.get()
                .uri(URI.create("http://127.0.0.1:" + port() + pathAndQuery))
                .header("Accept-Language", acceptLanguage)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).returnResult();
        String html = result.getResponseBody();
        return new Page(html, HtmlDocument.parse(html), result.getResponseHeaders());
    }

    private Page page(String pathAndQuery) {
        return page(pathAndQuery, "en");
    }

    private String base() {
        return "http://127.0.0.1:" + port() + "/ogc";
    }

    @Test
    void landingPageHasHeadAndLinks() {
        Page page = page("/ogc?f=html");

        Element html = page.document().root();
        assertThat(html.getTagName()).isEqualTo("html");
        assertThat(html.getAttribute("lang")).isEqualTo("en");
        assertThat(page.document().elements("meta").getFirst().getAttribute("charset")).isEqualTo("utf-8");
        assertThat(page.document().text("title")).contains("Làng Số: map data of Đồng Tháp province");
        assertThat(page.document().text("h1")).isEqualTo("Làng Số: map data of Đồng Tháp province");
        assertThat(page.html()).contains("Public place layers and administrative units");
        assertThat(page.document().hrefOf("Collections")).isEqualTo(base() + "/collections?f=html");
        assertThat(page.document().hrefOf("Conformance classes")).isEqualTo(base() + "/conformance?f=html");
        assertThat(page.document().hrefs()).contains(base() + "/api", base() + "/api?f=html",
                base() + "/tileMatrixSets?f=html", base() + "/tileMatrixSets", base() + "/tiles?f=html",
                base() + "/tiles", base() + "/collections");
        assertThat(page.document().elements("script")).isEmpty();
    }

    @Test
    void landingPageLabelsInVietnamese() {
        Page page = page("/ogc?f=html", "vi-VN,vi;q=0.9,en;q=0.5");

        assertThat(page.headers().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("vi");
        assertThat(page.document().root().getAttribute("lang")).isEqualTo("vi");
        assertThat(page.document().text("h1")).isEqualTo("Làng Số: dữ liệu bản đồ tỉnh Đồng Tháp");
        Element collections = page.document().elements("a").stream()
                .filter(link -> link.getAttribute("href").equals(base() + "/collections?f=html"))
                .findFirst().orElseThrow();
        assertThat(collections.getTextContent()).isEqualTo("Các tập dữ liệu (Collections)");
        Element english = (Element) collections.getElementsByTagName("span").item(0);
        assertThat(english.getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void pagesAllowOnlyTheirOwnStyle() {
        Page page = page("/ogc/collections?f=html");

        String policy = page.headers().getFirst("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(policy).contains("style-src '" + sha256(page.document().text("style")) + "'");
        assertThat(page.html()).doesNotContain(" style=\"");
    }

    @Test
    void conformanceListsClassesAsLinks() {
        Page page = page("/ogc/conformance?f=html");

        assertThat(page.document().text("h1")).isEqualTo("Conformance classes");
        assertThat(page.document().hrefs())
                .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    @Test
    void collectionsPageIsTable() {
        Page page = page("/ogc/collections?f=html");

        assertThat(page.document().tableHeaders()).contains("Title", "Id", "Number of features",
                "Spatial extent (west, south, east, north)", "Temporal extent");
        List<String> clinics = page.document().tableRows().stream()
                .filter(row -> row.get(1).equals("clinics")).findFirst().orElseThrow();
        assertThat(clinics.get(0)).isEqualTo("Health facilities");
        assertThat(clinics.get(3)).isEqualTo(String.valueOf(CLINICS));
        assertThat(clinics.get(4)).matches("105\\.63\\d\\d, 10\\.36\\d\\d, 106\\.36\\d\\d, 10\\.50\\d\\d");
        assertThat(clinics.get(5)).contains(" – ");
        assertThat(page.document().hrefOf("Health facilities")).isEqualTo(base() + "/collections/clinics?f=html");
        assertThat(page.document().hrefs()).contains(base() + "/collections/clinics/items?f=html",
                base() + "/collections/clinics/items", base() + "/collections/clinics/queryables?f=html",
                base() + "/collections/clinics/tiles?f=html", base() + "/collections/admin-units/items?f=html")
                .doesNotContain(base() + "/collections/admin-units/tiles?f=html");
    }

    @Test
    void collectionPageShowsMetadata() {
        Page page = page("/ogc/collections/communes?f=html");

        assertThat(page.document().text("h1")).isEqualTo("Communes");
        String text = page.document().root().getTextContent();
        assertThat(text).contains("The current communes and wards of the province")
                .contains("Storage CRS").contains("105.6000, 10.4300, 105.7200, 10.4900")
                .contains("2025-06-30T17:00:00Z – ..");
        assertThat(page.document().hrefs()).contains(
                "/ogc/collections?f=html",
                base() + "/collections/communes/items?f=html",
                base() + "/collections/communes/items",
                base() + "/collections/communes/queryables?f=html",
                base() + "/collections/communes/tiles?f=html",
                base() + "/collections/communes/tiles",
                "http://www.opengis.net/def/crs/EPSG/0/3405");
        List<String> details = page.document().elements("dd").stream().map(Element::getTextContent).toList();
        assertThat(details).contains("communes", "feature", "2");
    }

    @Test
    void featureCountOnlyInHtml() {
        JsonNode collection = get("/ogc/collections/clinics").expect(200);

        assertThat(collection.has("featureCount")).isFalse();
        assertThat(page("/ogc/collections/clinics?f=html").document().elements("dd").stream()
                .map(Element::getTextContent)).contains(String.valueOf(CLINICS));
    }

    @Test
    void itemsPageHasTableMapAndNextLink() {
        Page page = page("/ogc/collections/clinics/items?f=html");

        assertThat(page.document().text("h1")).isEqualTo("Health facilities");
        assertThat(page.document().hrefOf("Health facilities")).isEqualTo(base() + "/collections/clinics?f=html");
        assertThat(page.document().root().getTextContent())
                .contains("Number matched: " + CLINICS).contains("Number returned: 2");
        String next = page.document().hrefOf("Next page");
        assertThat(next).startsWith(base() + "/collections/clinics/items?").contains("f=html")
                .contains("limit=2").contains("offset=2");
        assertThat(page.document().hrefOf("Previous page")).isNull();

        // Columns follow the collection's property order, not the key order of PostgreSQL's jsonb.
        assertThat(page.document().tableHeaders()).containsExactly("Id", "name", "commune_code", "address",
                "updated_at", "facility_type", "ownership", "phone", "beds", "Geometry");
        List<List<String>> rows = page.document().tableRows();
        assertThat(rows).hasSize(2);
        int beds = page.document().tableHeaders().indexOf("beds");
        assertThat(rows.get(0)).contains("Bệnh viện Đa khoa Đồng Tháp", "hospital");
        assertThat(rows.get(0).get(beds)).isEqualTo("500");
        String firstId = rows.get(0).get(0);
        assertThat(page.document().hrefs()).contains(base() + "/collections/clinics/items/" + firstId + "?f=html");

        assertThat(page.document().elements("svg")).hasSize(1);
        assertThat(page.document().elements("circle")).hasSize(2);

        Page second = page(next.substring(next.indexOf("/ogc")));
        assertThat(second.document().hrefOf("Previous page")).contains("f=html").contains("offset=0");
        assertThat(second.document().tableRows().get(0).get(0)).isNotEqualTo(firstId);
    }

    @Test
    void polygonsDrawnAsPaths() {
        Page page = page("/ogc/collections/communes/items?f=html");

        List<Element> paths = page.document().elements("path");
        assertThat(paths).hasSize(2);
        assertThat(paths.getFirst().getAttribute("d")).startsWith("M").endsWith("Z");
        assertThat(page.document().elements("circle")).isEmpty();
        assertThat(page.document().hrefs()).contains(base() + "/collections/communes/items/90001?f=html");
    }

    @Test
    void mapDrawnInProjectedCrs() {
        Page page = page("/ogc/collections/clinics/items?f=html&limit=10&crs=" + EPSG_3857);

        assertThat(page.headers().getFirst("Content-Crs")).isEqualTo("<" + EPSG_3857 + ">");
        assertThat(page.document().elements("circle")).hasSize(CLINICS);
        for (Element circle : page.document().elements("circle")) {
            double x = Double.parseDouble(circle.getAttribute("cx"));
            double y = Double.parseDouble(circle.getAttribute("cy"));
            assertThat(x).isBetween(0.0, 640.0);
            assertThat(y).isBetween(0.0, 400.0);
        }
    }

    @Test
    void emptyItemsPageSaysSo() {
        Page page = page("/ogc/collections/clinics/items?f=html&facility_type=other");

        assertThat(page.document().root().getTextContent()).contains("No features match.")
                .contains("Number matched: 0");
        assertThat(page.document().elements("svg")).isEmpty();
        assertThat(page.document().elements("table")).isEmpty();
    }

    @Test
    void itemPageShowsPropertiesAndMap() {
        String id = get("/ogc/collections/clinics/items?beds=500").expect(200).path("features").get(0).path("id")
                .asString();

        Page page = page("/ogc/collections/clinics/items/" + id + "?f=html");

        assertThat(page.document().text("h1")).isEqualTo("Health facilities " + id);
        List<List<String>> rows = page.document().tableRows();
        assertThat(rows).contains(List.of("Id", id), List.of("Geometry", "Point"),
                List.of("name", "Bệnh viện Đa khoa Đồng Tháp"), List.of("beds", "500"),
                List.of("address", "Cao Lãnh"), List.of("phone", ""));
        assertThat(page.document().elements("circle")).hasSize(1);
        assertThat(page.document().hrefs()).contains(base() + "/collections/clinics/items?f=html",
                base() + "/collections/clinics?f=html");
    }

    @Test
    void markupInNamesEscaped() {
        Page items = page("/ogc/collections/clinics/items?f=html&limit=10");

        assertThat(items.html()).doesNotContain("<script>").doesNotContain("\"Phòng khám\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Phòng khám&quot;");
        assertThat(items.document().elements("script")).isEmpty();
        List<String> names = items.document().tableRows().stream().map(row -> row.get(1)).toList();
        assertThat(names).contains(OgcFixtures.SCRIPT_NAME);

        String id = items.document().tableRows().stream()
                .filter(row -> row.get(1).equals(OgcFixtures.SCRIPT_NAME)).findFirst().orElseThrow().get(0);
        Page item = page("/ogc/collections/clinics/items/" + id + "?f=html");
        assertThat(item.document().elements("script")).isEmpty();
        assertThat(item.document().tableRows()).contains(List.of("name", OgcFixtures.SCRIPT_NAME));
    }

    @Test
    void decomposedNameShownComposed() {
        String composed = Normalizer.normalize(NFD_NAME, Normalizer.Form.NFC);

        Page page = page("/ogc/collections/clinics/items?f=html&limit=10");

        assertThat(NFD_NAME).isNotEqualTo(composed);
        assertThat(page.html()).contains(composed).doesNotContain(NFD_NAME);
    }

    @Test
    void missingItemInHtmlIsProblem() {
        JsonNode problem = get("/ogc/collections/clinics/items/999999?f=html").expectProblem(404, "/problems/not-found");

        assertThat(problem.path("detail").asString()).contains("999999");
        get("/ogc/collections/nothing/items?f=html").expectProblem(404, "/problems/not-found");
    }

    @Test
    void apiDocumentListsOperations() {
        Page page = page("/ogc/api?f=html", "vi");

        assertThat(page.document().tableHeaders()).containsExactly("Đường dẫn (Path)", "Phương thức (Method)",
                "Mô tả (Summary)", "Tham số (Parameters)");
        List<List<String>> rows = page.document().tableRows();
        assertThat(rows).anySatisfy(row -> assertThat(row).containsExactly("/collections/{collectionId}/items", "GET",
                "Features of a collection, ordered by id and paged",
                "collectionId, bbox, bbox-crs, crs, datetime, filter, filter-lang, filter-crs, limit, offset, f"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(0)).isEqualTo("/collections/clinics/items"));
        assertThat(page.document().hrefs()).contains(base() + "/collections", base() + "/api?f=json")
                .doesNotContain(base() + "/collections/{collectionId}");
        assertThat(page.html()).doesNotContain("<dl class=\"tree\">");
    }

    @Test
    void queryablesKeepTreeInLayout() {
        Page page = page("/ogc/collections/clinics/queryables?f=html");

        assertThat(page.document().text("h1")).isEqualTo("Health facilities");
        assertThat(page.document().elements("dl").getFirst().getAttribute("class")).isEqualTo("tree");
        assertThat(page.document().elements("dt").stream().map(Element::getTextContent)).contains("beds");
        assertThat(page.document().hrefOf("Làng Số map data")).isEqualTo("/ogc?f=html");
    }

    @Test
    void tileMetadataInLayout() {
        Page tilesets = page("/ogc/collections/clinics/tiles?f=html");
        Page tileset = page("/ogc/tiles/WebMercatorQuad?f=html");
        Page matrixSets = page("/ogc/tileMatrixSets?f=html");

        assertThat(tilesets.document().text("h1")).isEqualTo("Cơ sở y tế (Health facilities)");
        assertThat(tilesets.document().hrefs()).contains(base() + "/collections/clinics/tiles/WebMercatorQuad");
        assertThat(tileset.document().text("h1")).isEqualTo("Bản đồ nền Làng Số (Làng Số base map)");
        assertThat(matrixSets.document().hrefs()).contains(base() + "/tileMatrixSets/WebMercatorQuad");
        assertThat(tileset.headers().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
        JsonResponse json = get("/ogc/tiles/WebMercatorQuad");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.expect(200).path("dataType").asString()).isEqualTo("vector");
    }

    @Test
    void itemsLabelsFollowLanguage() {
        String english = page("/ogc/collections/clinics/items?f=html", "en").document().root().getTextContent();
        String vietnamese = page("/ogc/collections/clinics/items?f=html", "vi").document().root().getTextContent();

        assertThat(english).contains("Number matched").contains("Next page").doesNotContain("Số đối tượng khớp");
        assertThat(vietnamese).contains("Số đối tượng khớp (Number matched)").contains("Trang sau (Next page)")
                .contains("Cơ sở y tế");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
