package vn.langso.backend.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.langso.backend.sql.SqlStatement;

/**
 * The columns of each place table that the public readers serve: OGC API items and tiles, the features of
 * {@code /api/v1/layers} and the exports. A column is served only when it is listed here, so a column added by a
 * later migration (a reporter's phone number, say) stays private until someone reviews it and lists it. The
 * internal columns (source, source_key, name_folded, created_at) are not listed. Each reader writes the id and
 * the geometry itself, in its own format.
 */
public final class PublicColumns {

    /** The type of a served column, for readers that type their output (queryables, MVT, GeoPackage). */
    public enum Type {
        TEXT, INTEGER, DECIMAL, BOOLEAN, TIMESTAMP
    }

    /** A served column; the name is the column name and the property name. */
    public record Column(String name, Type type) {
    }

    /** The columns that every place table has and that are served, in output order. */
    private static final List<Column> SHARED = List.of(
            new Column("name", Type.TEXT),
            new Column("commune_code", Type.TEXT),
            new Column("address", Type.TEXT),
            new Column("updated_at", Type.TIMESTAMP));

    /** The typed columns served per place table, in output order. */
    private static final Map<String, List<Column>> OWN = Map.of(
            "report", List.of(new Column("category", Type.TEXT), new Column("description", Type.TEXT),
                    new Column("status", Type.TEXT), new Column("reported_at", Type.TIMESTAMP)),
            "camera", List.of(new Column("road", Type.TEXT), new Column("view_direction_deg", Type.DECIMAL),
                    new Column("status", Type.TEXT)),
            "merchant", List.of(new Column("category", Type.TEXT), new Column("phone", Type.TEXT),
                    new Column("accepts_vietqr", Type.BOOLEAN)),
            "school", List.of(new Column("school_code", Type.TEXT), new Column("school_level", Type.TEXT),
                    new Column("student_count", Type.INTEGER)),
            "clinic", List.of(new Column("facility_type", Type.TEXT), new Column("ownership", Type.TEXT),
                    new Column("phone", Type.TEXT), new Column("beds", Type.INTEGER)),
            "cooperative", List.of(new Column("cooperative_type", Type.TEXT), new Column("products", Type.TEXT),
                    new Column("member_count", Type.INTEGER)),
            "trace_location", List.of(new Column("location_id", Type.TEXT), new Column("location_kind", Type.TEXT)));

    private PublicColumns() {
    }

    /** Returns every served column of the layer: the shared ones, then the layer's own. */
    public static List<Column> of(LayerDefinition layer) {
        List<Column> columns = new ArrayList<>(SHARED);
        columns.addAll(own(layer));
        return List.copyOf(columns);
    }

    /**
     * Returns the served columns of the layer's own table beyond the shared ones. A table that is not listed
     * (a layer added to the catalog later) serves none until it is.
     */
    public static List<Column> own(LayerDefinition layer) {
        return OWN.getOrDefault(layer.tableName(), List.of());
    }

    /**
     * Returns the SQL of a jsonb object with every served column of row {@code t}, keyed by column name. The
     * names come from the fixed lists above, never from a request.
     */
    public static String jsonObjectSql(LayerDefinition layer) {
        StringBuilder sql = new StringBuilder("jsonb_build_object(");
        List<Column> columns = of(layer);
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            sql.append(i == 0 ? "" : ", ").append('\'').append(name).append("', t.")
                    .append(SqlStatement.quoteIdentifier(name));
        }
        return sql.append(')').toString();
    }
}
