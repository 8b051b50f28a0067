package vn.langso.backend.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import vn.langso.backend.problems.InvalidParam;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.reports.ReportRecords.NewReport;

/** The fields of a GeoReport v2 POST requests, checked before the reports service validates the report itself. */
record Open311Submission(String serviceCode, Double lat, Double lon, String addressString, String addressId,
                         String description, String name, String phone, String mediaUrl,
                         Map<String, String> attributes) {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_.-]{1,64})]");

    static Open311Submission of(MultiValueMap<String, String> fields, int maxMediaUrl) {
        String serviceCode = value(fields, "service_code");
        if (serviceCode == null) {
            throw InvalidParameterException.of("service_code", "service_code is missing; list the services at "
                    + "/open311/v2/services.json.");
        }

        Double lat = number(fields, "lat");
        Double lon = number(fields, "long");
        String addressString = value(fields, "address_string");
        String addressId = value(fields, "address_id");
        if ((lat == null || lon == null) && addressString == null && addressId == null) {
            String reason = "A location is required: give lat and long, address_string or address_id.";
            throw InvalidParameterException.of(List.of(new InvalidParam("lat", reason), new InvalidParam("long", reason),
                    new InvalidParam("address_string", reason), new InvalidParam("address_id", reason)));
        }

        String mediaUrl = value(fields, "media_url");
        if (mediaUrl != null) {
            checkUrl(mediaUrl, maxMediaUrl);
        }
        String name = fullName(value(fields, "first_name"), value(fields, "last_name"));

        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((key, values) -> {
            Matcher matcher = ATTRIBUTE.matcher(key);
            if (matcher.matches() && !values.isEmpty() && values.getFirst() != null) {
                attributes.put(matcher.group(1), values.getFirst().strip());
            }
        });
        return new Open311Submission(serviceCode, lat, lon, addressString, addressId, value(fields, "description"),
                name, value(fields, "phone"), mediaUrl, attributes);
    }

    /**
     * Returns the report for the service. Without lat and long the reports service takes the location from a
     * photo's GPS position, or rejects the report: this server has no geocoder for address_string or address_id.
     */
    NewReport toReport(String token) {
        return new NewReport(serviceCode, description, lon, lat, addressString, name, phone, token);
    }

    /** Properties stored with the public report: the attributes, the address id and the media link. */
    Map<String, Object> publicProperties(String category) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> known = Open311Services.attributes(category).stream().map(Open311Services.Attribute::code).toList();
        Map<String, String> knownAttributes = new LinkedHashMap<>();
        attributes.forEach((code, value) -> {
            if (known.contains(code)) {
                knownAttributes.put(code, value.length() > 200 ? value.substring(0, 200) : value);
            }
        });
        if (!knownAttributes.isEmpty()) {
            properties.put("open311_attributes", knownAttributes);
        }
        if (addressId != null) {
            properties.put("address_id", addressId);
        }
        if (mediaUrl != null) {
            properties.put("media_url", mediaUrl);
        }
        return properties;
    }

    /** Returns the family name then the given name, as Vietnamese names are written, or null when both are absent. */
    private static String fullName(String first, String last) {
        if (first == null) {
            return last;
        }
        if (last == null) {
            return first;
        }
        return last + " " + first;
    }

    private static String value(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Double number(MultiValueMap<String, String> fields, String name) {
        String value = value(fields, name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw InvalidParameterException.of(name, name + " '" + Open311Requests.shorten(value)
                    + "' is not a number; give decimal degrees in WGS 84, for example lat=10.4609&long=105.6341.");
        }
    }

    /** Accepts an absolute http or https URL; the server stores it as a link and never fetches it. */
    private static void checkUrl(String url, int maxLength) {
        String reason = "media_url must be an absolute http or https URL of at most " + maxLength + " characters.";
        if (url.length() > maxLength) {
            throw InvalidParameterException.of("media_url", reason);
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw InvalidParameterException.of("media_url", reason);
            }
        } catch (URISyntaxException e) {
            throw InvalidParameterException.of("media_url", reason);
        }
    }
}
