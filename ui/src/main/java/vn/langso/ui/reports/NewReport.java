package vn.langso.ui.reports;

/**
 * The JSON part of a submission. Null fields are left out of the request.
 *
 * @param lon WGS 84 longitude; null lets the API take the location from a photo's GPS tags
 * @param lat WGS 84 latitude; null together with {@code lon}
 */
public record NewReport(String category, String description, Double lon, Double lat, String address,
                        String reporterName, String reporterPhone) {
}
