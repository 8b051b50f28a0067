package vn.langso.backend.ogc.items;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.langso.backend.config.LangsoProperties;
import vn.langso.backend.ogc.collections.CollectionProperty;
import vn.langso.backend.ogc.collections.OgcCollection;
import vn.langso.backend.ogc.crs.BboxFilter;
import vn.langso.backend.ogc.crs.SupportedCrs;
import vn.langso.backend.ogc.filter.ItemFilter;
import vn.langso.backend.web.Page;
import vn.langso.backend.web.QueryParameters;

/**
 * The filters, output CRS and page of an items request.
 *
 * @param bbox             the bbox filter, or null
 * @param datetime         the datetime filter, or null
 * @param propertyEquals   the value each filtered property must equal, already of the property's type
 * @param filter           the CQL2 filter, or null
 * @param crs              the CRS of the output geometries
 */
record ItemQuery(BboxFilter bbox, DateTimeInterval datetime, Map<CollectionProperty, Object> propertyEquals,
                 ItemFilter filter, SupportedCrs crs, Page page) {

    /** The parameters every items request accepts; each queryable property name is accepted as well. */
    static final Set<String> PARAMETERS = Set.of("f", "bbox", "bbox-crs", "crs", "datetime", "limit", "offset");

    /** Reads the query, rejecting unknown parameters with a 400 that lists the accepted ones. */
    static ItemQuery from(QueryParameters parameters, OgcCollection collection, LangsoProperties.Api limits) {
        Map<CollectionProperty, Object> propertyEquals = new LinkedHashMap<>();
        for (CollectionProperty property : collection.properties()) {
            parameters.string(property.name()).ifPresent(raw ->
                    propertyEquals.put(property, property.type().parse(property.name(), raw)));
        }
        return new ItemQuery(BboxFilter.parse(parameters), DateTimeInterval.parse(parameters), propertyEquals,
                ItemFilter.from(parameters), SupportedCrs.fromParameter(parameters, "crs"), parameters.page(limits.defaultLimit(), limits.maxLimit()));
    }

    /** Returns the names an items request of this collection accepts. */
    static Set<String> acceptedParameters(OgcCollection collection) {
        Set<String> accepted = new HashSet<>(PARAMETERS);
        accepted.addAll(ItemFilter.PARAMETERS);
        collection.properties().forEach(property -> accepted.add(property.name()));
        return accepted;
    }
}
