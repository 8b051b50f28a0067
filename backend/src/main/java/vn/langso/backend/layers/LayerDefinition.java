package vn.langso.backend.layers;

/** One row of the {@code layer} catalog: a place layer and the table that stores it. */
public record LayerDefinition(String name, String tableName, String titleVi, String titleEn, String descriptionVi,
                       String descriptionEn, String geometryType, boolean personalData, int sortOrder) {
}
