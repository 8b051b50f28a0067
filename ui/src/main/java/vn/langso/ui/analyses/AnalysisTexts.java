package vn.langso.ui.analyses;

import java.util.function.BiFunction;

/** The texts of the analyses page that depend on the measure, in the page's language. */
final class AnalysisTexts {

    private final BiFunction<String, Object[], String> translate;

    /** @param translate looks up a translation key with its parameters in the page's language */
    AnalysisTexts(BiFunction<String, Object[], String> translate) {
        this.translate = translate;
    }

    /** Returns the heading of the choropleth controls, which names the measure. */
    String heading(Measure measure) {
        return t("analyses.choropleth.heading." + measure.code());
    }

    /**
     * Returns the label of a commune's value, for the legend title and the table's value column: the count, the
     * density per km², or the share of places whose attribute has the value.
     *
     * @param attributeValue the shown label of the attribute value, such as "(no value)"; used only for a share
     */
    String valueLabel(Measure measure, String attribute, String attributeValue) {
        return switch (measure) {
            case COUNT, DENSITY -> t("analyses.metric." + measure.code());
            case SHARE -> t("analyses.legend.share", attribute, attributeValue);
        };
    }

    /** Returns the label of a commune's value in a coverage analysis: the share of places beyond the distance. */
    String beyondShareLabel(int distanceMetres) {
        return t("analyses.legend.beyondShare", distanceMetres);
    }

    private String t(String key, Object... params) {
        return translate.apply(key, params);
    }
}
