package vn.langso.backend.reports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.langso.backend.media.ExifGpsPosition;
import vn.langso.backend.media.PreparedMedia;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.reports.ReportRecords.NewReport;
import vn.langso.backend.web.Coordinates;

/** Validation and normalisation of a submitted report; every field at fault is reported together. */
final class ReportInput {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ADDRESS = 300;
    static final int MAX_NAME = 200;
    static final int TITLE_LENGTH = 80;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]{6,18}[0-9]");

    /** A report that passed validation; texts in NFC, location from the request or from a photo. */
    record Valid(String category, String description, String title, double lon, double lat, String address,
                 String reporterName, String reporterPhone, boolean locationFromPhoto) {
    }

    private ReportInput() {
    }

    static Valid validate(NewReport input, List<PreparedMedia> files) {
        List<InvalidParam> problems = new ArrayList<>();
        String category = input.category() == null ? "" : input.category().strip();
        if (category.isEmpty()) {
            problems.add(new InvalidParam("category", "category is missing; give a code from /api/v1/report-categories."));
        }

        String description = text(input.description());
        if (description == null) {
            problems.add(new InvalidParam("description", "description is missing; describe the problem in a few words."));
        } else if (description.length() > MAX_DESCRIPTION) {
            problems.add(new InvalidParam("description", "description has " + description.length()
                    + " characters; shorten it to at most " + MAX_DESCRIPTION + "."));
        }

        String address = text(input.address());
        if (address != null && address.length() > MAX_ADDRESS) {
            problems.add(new InvalidParam("address", "address has " + address.length() + " characters; shorten it to at most "
                    + MAX_ADDRESS + "."));
        }
        String name = text(input.reporterName());
        if (name != null && name.length() > MAX_NAME) {
            problems.add(new InvalidParam("reporterName", "reporterName is longer than " + MAX_NAME + " characters."));
        }
        String phone = text(input.reporterPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new InvalidParam("reporterPhone", "reporterPhone '" + shorten(phone)
                    + "' is not a phone number; use digits, for example 0901234567 or +84901234567."));
        }

        Double lon = input.lon();
        Double lat = input.lat();
        boolean fromPhoto = false;
        if (lon == null && lat == null) {
            ExifGpsPosition hint = files.stream().flatMap(file -> file.gps().stream()).findFirst().orElse(null);
            if (hint != null) {
                lon = hint.lon();
                lat = hint.lat();
                fromPhoto = true;
            }
        }
        if (lon == null || lat == null || lon.isNaN() || lat.isNaN()) {
            String reason = "lon and lat are missing; give the location in WGS 84 degrees (pick it on the map or use "
                    + "the device's position), or attach a photo that carries its GPS position.";
            problems.add(new InvalidParam("lon", reason));
            problems.add(new InvalidParam("lat", reason));
        }

        if (!problems.isEmpty()) {
            throw InvalidParameterException.of(problems);
        }
        Coordinates point = Coordinates.of(lon, lat);
        return new Valid(category, description, title(description), point.lon(), point.lat(), address, name, phone, fromPhoto);
    }

    /** Returns the text in NFC without surrounding spaces, or null when it is empty. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        return normalized.isEmpty() ? null : normalized;
    }

    /** Returns the name of the public map feature: the start of the description, cut at a word. */
    static String title(String description) {
        String firstLine = description.lines().findFirst().orElse(description);
        if (firstLine.length() <= TITLE_LENGTH) {
            return firstLine;
        }
        int cut = firstLine.lastIndexOf(' ', TITLE_LENGTH);
        return firstLine.substring(0, cut > 20 ? cut : TITLE_LENGTH) + "…";
    }

    static InvalidParameterException outsideProvince(Valid valid) {
        String reason = "lon=" + valid.lon() + " lat=" + valid.lat() + " is outside the province, so no commune can handle "
                + "the report. Check the location; the province lies near lon 105-107, lat 10-11.";
        return InvalidParameterException.of(List.of(new InvalidParam("lon", reason), new InvalidParam("lat", reason)));
    }

    static InvalidParameterException swapped(Valid valid) {
        String reason = "lon=" + valid.lon() + " lat=" + valid.lat() + " is outside the province, but swapped it is "
                + "inside: send the longitude as lon and the latitude as lat.";
        return InvalidParameterException.of(List.of(new InvalidParam("lon", reason), new InvalidParam("lat", reason)));
    }

    static String shorten(String raw) {
        String clean = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
