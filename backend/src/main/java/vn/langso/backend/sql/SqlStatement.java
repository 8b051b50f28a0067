package vn.langso.backend.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * WHERE conditions and their bound values, collected clause by clause. Values are always bound as
 * named parameters ({@code :name}); only identifiers checked by {@link #quoteIdentifier} are spliced.
 */
public final class SqlStatement {

    private static final Pattern SAFE_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a condition that refers to the named parameters bound by {@link #bind}. */
    public SqlStatement where(String condition) {
        conditions.add(condition);
        return this;
    }

    public SqlStatement bind(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Parameter " + name + " is null; add its condition only when it has a value");
        }
        values.put(name, value);
        return this;
    }

    /** Joins the conditions with AND after WHERE, or returns an empty string when there are none. */
    public String whereClause() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Creates a statement for the given SQL with every collected value bound. */
    public DatabaseClient.GenericExecuteSpec prepare(DatabaseClient client, String sql) {
        DatabaseClient.GenericExecuteSpec spec = client.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec;
    }

    /**
     * Quotes a table or column name that comes from the schema (the layer catalog), never from a request.
     *
     * @throws IllegalArgumentException when the name is not a plain lower-case identifier
     */
    public static String quoteIdentifier(String identifier) {
        if (identifier == null || !SAFE_IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Unsafe SQL identifier '" + identifier
                    + "'; layer tables must be named with lower-case letters, digits and underscores");
        }
        return "\"" + identifier + "\"";
    }
}
