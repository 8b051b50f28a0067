package vn.langso.backend.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.Coordinates;
import vn.langso.backend.web.QueryParameters;

/**
 * The filters of a feature listing; each is optional and they combine with AND.
 *
 * @param communeCode code of a current commune
 * @param near        a point and radius; matching features then carry {@code distance_m} and sort by it
 * @param text        a name to search for, NFC-normalised, matched with or without diacritics
 */
public record FeatureFilter(Bbox bbox, String communeCode, Proximity near, String text) {

    /** The largest radius of a proximity search, in metres. */
    static final double MAX_RADIUS_METRES = 100_000;
    static final int MAX_TEXT_LENGTH = 200;
    public static final Set<String> PARAMETERS = Set.of("bbox", "commune", "lon", "lat", "radius", "q", "limit", "offset");

    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9A-Za-z._-]{1,20}");

    /**
     * A circle on the ellipsoid.
     *
     * @param radiusMetres greater than 0 and at most {@link #MAX_RADIUS_METRES}
     */
    record Proximity(Coordinates centre, double radiusMetres) {
    }

    /** Reads the filters from a request's parameters and throws {@link InvalidParameterException} on a malformed value. */
    public static FeatureFilter from(QueryParameters parameters) {
        Bbox bbox = parameters.string("bbox").map(Bbox::parse).orElse(null);
        String commune = parameters.string("commune").map(FeatureFilter::communeCode).orElse(null);
        String text = parameters.text("q", MAX_TEXT_LENGTH).orElse(null);
        return new FeatureFilter(bbox, commune, proximity(parameters).orElse(null), text);
    }

    /** Creates the WHERE conditions of this filter over a place table aliased {@code t}, with their bound values. */
    public SqlStatement sqlConditions() {
        return FeatureRepository.conditions(this);
    }

    private static String communeCode(String raw) {
        String code = raw.strip();
        if (!COMMUNE_CODE.matcher(code).matches()) {
            throw InvalidParameterException.of("commune", "commune '" + raw.replaceAll("[\\r\\n]", " ")
                    + "' is not a commune code; give the code of a current commune, for example 29954 "
                    + "(see /api/v1/communes).");
        }
        return code;
    }

    private static Optional<Proximity> proximity(QueryParameters parameters) {
        List<String> present = new ArrayList<>();
        for (String name : List.of("lon", "lat", "radius")) {
            if (parameters.has(name)) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        if (present.size() < 3) {
            List<InvalidParam> missing = new ArrayList<>();
            for (String name : List.of("lon", "lat", "radius")) {
                if (!present.contains(name)) {
                    missing.add(new InvalidParam(name, "Parameter '" + name + "' is missing; lon, lat and radius "
                            + "(metres) go together, for example lon=105.63&lat=10.46&radius=2000."));
                }
            }
            throw InvalidParameterException.of(missing);
        }
        Coordinates centre = Coordinates.require(parameters);
        double radius = parameters.number("radius", "2000").orElseThrow();
        if (radius <= 0 || radius > MAX_RADIUS_METRES) {
            throw InvalidParameterException.of("radius", "radius " + parameters.string("radius").orElseThrow()
                    + " is out of range; it must be greater than 0 and at most " + (long) MAX_RADIUS_METRES + " metres.");
        }
        return Optional.of(new Proximity(centre, radius));
    }
}
