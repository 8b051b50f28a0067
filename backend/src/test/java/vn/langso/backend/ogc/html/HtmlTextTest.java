package vn.langso.backend.ogc.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTextTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertThat(HtmlText.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void composesDecomposedVietnamese() {
        String decomposed = Normalizer.normalize("Đồng Tháp", Normalizer.Form.NFD);

        assertThat(decomposed).hasSizeGreaterThan("Đồng Tháp".length());
        assertThat(HtmlText.escape(decomposed)).isEqualTo("Đồng Tháp");
    }

    @Test
    void replacesCharactersXmlForbids() {
        assertThat(HtmlText.escape("a\u0000b\u001Fc\uD800d\uFFFE")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
        assertThat(HtmlText.escape("tab\tnew\nline")).isEqualTo("tab\tnew\nline");
        assertThat(HtmlText.escape("emoji \uD83C\uDF3E")).isEqualTo("emoji \uD83C\uDF3E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/ogc", "https://example.org/a?b=c", "HTTPS://example.org", "/ogc?f=html"})
    void webAndRootRelativeHrefsAreSafe(String href) {
        assertThat(HtmlText.isSafeHref(href)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example/x",
            "/\\evil.example/x", "ogc/collections", "", " http://x"})
    void otherHrefsAreUnsafe(String href) {
        assertThat(HtmlText.isSafeHref(href)).isFalse();
    }
}
