package vn.langso.backend.ogc.collections;

/**
 * A column served as a feature property and queryable by equality. The name is both the property name and the
 * column name, and comes only from the fixed lists of {@link vn.langso.backend.layers.PublicColumns} (place
 * layers) and {@link OgcCollections} (administrative units, growing areas).
 *
 * @param listSeparator the text between the values of a column that joins several into one, such as the
 *                      certifications "VietGAP, GlobalGAP", or null for a column of single values
 */
public record CollectionProperty(String name, PropertyType type, String listSeparator) {

    /** Creates a property of single values. */
    public CollectionProperty(String name, PropertyType type) {
        this(name, type, null);
    }

    /** True when a value joins several, which the analyses count one by one. */
    public boolean isList() {
        return listSeparator != null;
    }
}
