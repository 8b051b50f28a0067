package vn.langso.backend.ogc.filter;

import java.util.Locale;
import java.util.Set;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.QueryParameters;

/**
 * The {@code filter}, {@code filter-lang} and {@code filter-crs} parameters of OGC API - Features Part 3. The
 * filter is parsed when the request is read, so a syntax error is a 400 before any database work.
 *
 * @param expression the parsed filter
 * @param crs        the CRS of geometry literals in the filter; CRS84 unless {@code filter-crs} names another
 */
public record ItemFilter(Expression expression, SupportedCrs crs) {

    public static final Set<String> PARAMETERS = Set.of("filter", "filter-lang", "filter-crs");

    /** Maximum filter length, in characters. */
    public static final int MAX_LENGTH = 8000;

    public static final String CQL2_TEXT = "cql2-text";
    public static final String CQL2_JSON = "cql2-json";

    /** Reads the filter parameters; returns null when no filter is given. */
    public static ItemFilter from(QueryParameters parameters) {
        String language = parameters.string("filter-lang").map(value -> value.strip().toLowerCase(Locale.ROOT))
                .orElse(CQL2_TEXT);
        if (!language.equals(CQL2_TEXT) && !language.equals(CQL2_JSON)) {
            throw InvalidParameterException.of("filter-lang", "Parameter 'filter-lang' value '"
                    + QueryParameters.shorten(language) + "' is not supported; use cql2-text or cql2-json.");
        }
        SupportedCrs crs = SupportedCrs.fromParameter(parameters, "filter-crs");
        String text = parameters.string("filter").orElse(null);
        if (text == null) {
            if (parameters.has("filter-lang") || parameters.has("filter-crs")) {
                throw InvalidParameterException.of("filter", "Parameter 'filter' is missing; 'filter-lang' and"
                        + " 'filter-crs' apply only to a filter.");
            }
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidParameterException.of("filter", "Parameter 'filter' is " + text.length()
                    + " characters long; the maximum is " + MAX_LENGTH + ". Split the query or use a shorter geometry.");
        }
        try {
            Expression expression = language.equals(CQL2_JSON) ? Cql2JsonParser.parse(text) : Cql2TextParser.parse(text);
            return new ItemFilter(expression, crs);
        } catch (Cql2SyntaxException e) {
            String separator = e.getMessage().startsWith("at ") ? " " : ": ";
            throw InvalidParameterException.of("filter", "Invalid " + language + " filter" + separator + e.getMessage()
                    + ".");
        }
    }

    /**
     * Adds the filter as a condition on row alias {@code t} of the collection's table.
     *
     * @throws InvalidParameterException when a property is not queryable or operand types do not match
     */
    public void addTo(SqlStatement statement, OgcCollection collection) {
        try {
            FilterSqlWriter.addTo(statement, expression, collection, crs);
        } catch (FilterException e) {
            throw InvalidParameterException.of("filter", "Invalid filter for collection '" + collection.id() + "': "
                    + e.getMessage() + ".");
        }
    }
}
