package vn.langso.backend.ogc.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Text and labels shared by the collections page and the page of one collection. */
final class CollectionText {

    static final Label COLLECTIONS = new Label("Các tập dữ liệu", "Collections");
    static final Label FEATURES = new Label("Các đối tượng", "Features");
    static final Label FEATURE_COUNT = new Label("Số đối tượng", "Number of features");
    static final Label SPATIAL_EXTENT = new Label("Phạm vi không gian (tây, nam, đông, bắc)",
            "Spatial extent (west, south, east, north)");
    static final Label TEMPORAL_EXTENT = new Label("Phạm vi thời gian", "Temporal extent");
    static final Label QUERYABLES = new Label("Thuộc tính lọc được", "Queryables");
    static final Label TILES = new Label("Ô bản đồ vector", "Vector tiles");

    /** Decimals of bbox degrees shown: 4 decimals are about 11 m, enough to read where a collection lies. */
    private static final int BBOX_DECIMALS = 4;

    private CollectionText() {
    }

    /** Returns the first bbox of an {@code extent} as "west, south, east, north", or an empty string. */
    static String bbox(JsonNode extent) {
        JsonNode bbox = extent.path("spatial").path("bbox").path(0);
        List<String> values = new ArrayList<>();
        for (JsonNode value : bbox) {
            if (value.isNumber()) {
                values.add(BigDecimal.valueOf(value.asDouble()).setScale(BBOX_DECIMALS, RoundingMode.HALF_UP).toPlainString());
            }
        }
        return String.join(", ", values);
    }

    /**
     * Returns the first interval of an {@code extent} as "start – end", with ".." for an open end, or "" when it is
     * missing or open at both ends (a collection without features).
     */
    static String interval(JsonNode extent) {
        JsonNode interval = extent.path("temporal").path("interval").path(0);
        if (!interval.isArray() || interval.size() != 2 || interval.get(0).isNull() && interval.get(1).isNull()) {
            return "";
        }
        return end(interval.get(0)) + " – " + end(interval.get(1));
    }

    private static String end(JsonNode value) {
        return value.isNull() ? ".." : value.asString();
    }

    /** Returns a count with the grouping separator of the language, such as 1.234 in Vietnamese and 1,234 in English. */
    static String count(JsonNode count, Locale language) {
        return NumberFormat.getIntegerInstance(language).format(count.asLong());
    }

    /** Returns the link of rel {@code items} to the HTML page, or the GeoJSON one with {@code f=html}. */
    static String itemsPageHref(List<DocumentLink> links) {
        return DocumentLink.find(links, "items", "text/html").map(DocumentLink::href)
                .or(() -> DocumentLink.find(links, "items").map(DocumentLink::htmlHref))
                .orElse(null);
    }
}
