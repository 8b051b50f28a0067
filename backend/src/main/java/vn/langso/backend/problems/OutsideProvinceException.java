package vn.langso.backend.problems;

import java.util.Locale;

/** A point lies outside every current commune of the province (HTTP 404). */
public final class OutsideProvinceException extends ApiException {

    public OutsideProvinceException(double lon, double lat) {
        super(ProblemType.OUTSIDE_PROVINCE, String.format(Locale.ROOT,
                "The point lon=%s lat=%s is outside the communes of the province. Check the coordinates; "
                        + "longitude comes first and the province lies near lon 105-107, lat 10-11.",
                lon, lat));
    }
}
