package vn.langso.backend.exports;

/**
 * A typed column of one place table, beyond the columns that every place table shares.
 *
 * @param name     the column name as in the table
 * @param dataType PostgreSQL's {@code information_schema.columns.data_type}, for example {@code integer}
 */
record LayerColumn(String name, String dataType) {

    /** True for whole-number columns (smallint, integer, bigint). */
    boolean isInteger() {
        return dataType.equals("smallint") || dataType.equals("integer") || dataType.equals("bigint");
    }

    /** True for decimal columns (numeric, real, double precision). */
    boolean isDecimal() {
        return dataType.equals("numeric") || dataType.equals("real") || dataType.equals("double precision");
    }

    boolean isBoolean() {
        return dataType.equals("boolean");
    }
}
