package vn.langso.backend.ogc.collections;

/**
 * A column served as a feature property and queryable by equality. The name is both the property name and the
 * column name, and comes only from the fixed lists of {@link vn.langso.backend.layers.PublicColumns} (place
 * layers) and {@link OgcCollections} (administrative units).
 */
public record CollectionProperty(String name, PropertyType type) {
}
