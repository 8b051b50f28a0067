package vn.langso.backend.ogc.html;

import tools.jackson.databind.JsonNode;

/**
 * Appends the markup of one page. Methods that take text escape it. Only {@link #raw} takes markup, and its callers
 * pass constants. The caller closes every element that it opens, so that pages stay well-formed.
 */
final class HtmlBuilder {

    private final StringBuilder html = new StringBuilder(8192);
    private final boolean vietnamese;

    HtmlBuilder(boolean vietnamese) {
        this.vietnamese = vietnamese;
    }

    boolean vietnamese() {
        return vietnamese;
    }

    /** Appends constant markup. */
    HtmlBuilder raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends escaped text. */
    HtmlBuilder text(String value) {
        html.append(HtmlText.escape(value));
        return this;
    }

    /**
     * Appends a label: in Vietnamese with the English beside it in a {@code lang="en"} span, or in English. A label
     * that is the same in both languages (a name or a relation URI) is written once.
     */
    HtmlBuilder label(Label label) {
        if (vietnamese && !label.vi().equals(label.en())) {
            html.append(HtmlText.escape(label.vi())).append(" <span lang=\"en\" class=\"en\">(")
                    .append(HtmlText.escape(label.en())).append(")</span>");
        } else {
            html.append(HtmlText.escape(label.en()));
        }
        return this;
    }

    /** Opens an element with a class, which must be a constant. */
    HtmlBuilder open(String tag, String cssClass) {
        html.append('<').append(tag).append(" class=\"").append(cssClass).append("\">");
        return this;
    }

    HtmlBuilder open(String tag) {
        html.append('<').append(tag).append('>');
        return this;
    }

    HtmlBuilder close(String tag) {
        html.append("</").append(tag).append('>');
        return this;
    }

    /** Appends an element whose content is escaped text. */
    HtmlBuilder element(String tag, String text) {
        return open(tag).text(text).close(tag);
    }

    /** Appends an element whose content is a label. */
    HtmlBuilder element(String tag, Label label) {
        return open(tag).label(label).close(tag);
    }

    /** Appends a link with escaped text, or only the text when {@code href} is not {@link HtmlText#isSafeHref safe}. */
    HtmlBuilder link(String href, String text) {
        if (!openLink(href)) {
            return text(text);
        }
        return text(text).close("a");
    }

    /** Appends a link whose text is a label, or only the label when {@code href} is not safe. */
    HtmlBuilder link(String href, Label label) {
        if (!openLink(href)) {
            return label(label);
        }
        return label(label).close("a");
    }

    /** Opens an {@code a} element when {@code href} is safe, and returns whether it did. The caller closes it. */
    boolean openLink(String href) {
        if (href == null || !HtmlText.isSafeHref(href)) {
            return false;
        }
        html.append("<a href=\"").append(HtmlText.escapeHref(href)).append("\">");
        return true;
    }

    /**
     * Appends a JSON value for a table cell: text as it is, numbers and booleans as JSON writes them, null as an
     * empty cell, and objects or arrays as compact JSON text.
     */
    HtmlBuilder value(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        if (value.isContainer()) {
            return text(value.toString());
        }
        return text(value.asString());
    }

    /** Returns the markup appended so far. */
    @Override
    public String toString() {
        return html.toString();
    }
}
