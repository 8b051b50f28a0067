package vn.langso.backend.ogc.html;

import java.util.Locale;
import vn.langso.backend.ogc.crs.SupportedCrs;

/**
 * The request facts that a page needs besides its JSON document.
 *
 * @param title    the page title, already in the response language
 * @param language the response language, also written as {@code Content-Language}
 * @param crs      the CRS of the document's geometries, or null when it has none
 */
public record HtmlContext(String title, Locale language, SupportedCrs crs) {

    boolean vietnamese() {
        return "vi".equals(language.getLanguage());
    }
}
