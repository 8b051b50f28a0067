package vn.langso.backend.layers;

/**
 * The SQL of a place as the GeoJSON Feature that {@code /api/v1/layers} and the GeoJSON exports serve. It reads
 * row {@code t}, the commune name from a lateral join {@code c}, and binds the layer name as {@code :layer}.
 */
public final class FeatureSql {

    private static final String FEATURE_JSON = """
            jsonb_build_object(
                'type', 'Feature',
                'id', t.id,
                'geometry', ST_AsGeoJSON(t.geom)::jsonb,
                'properties', %s
                    || jsonb_build_object('layer', CAST(:layer AS text), 'commune_name', c.name,
                                          'attributes', t.properties)%s
            )::text AS feature""";

    /** Joins the name of the current commune of row {@code t} as {@code c.name}, null when it has none. */
    public static final String COMMUNE_NAME_JOIN = """
             LEFT JOIN LATERAL (SELECT name FROM admin_unit
                                 WHERE level = 'commune' AND valid_to IS NULL AND code = t.commune_code
                                 LIMIT 1) c ON true""";

    private FeatureSql() {
    }

    /**
     * Returns the select expression of the Feature text, named {@code feature}: the served columns of
     * {@link PublicColumns}, the layer and commune names, the jsonb properties as {@code attributes}, then
     * {@code extraProperties}, SQL that appends to the properties object ({@code || jsonb_build_object(...)}) or
     * is empty.
     */
    public static String feature(LayerDefinition layer, String extraProperties) {
        return FEATURE_JSON.formatted(PublicColumns.jsonObjectSql(layer), extraProperties);
    }
}
