package vn.langso.ui.backend;

/**
 * One entry of {@code GET /api/v1/layers}.
 *
 * @param name         layer name used in API paths, such as {@code clinics}
 * @param featureCount number of features, or -1 when the backend did not say
 */
public record LayerSummary(String name, LocalizedText title, LocalizedText description, String geometryType, long featureCount) {
}
