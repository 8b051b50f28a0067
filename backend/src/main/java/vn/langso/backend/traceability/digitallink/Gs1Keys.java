package vn.langso.backend.traceability.digitallink;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GTIN and lot of batch-level GS1 identifiers, in the two spellings EPCIS events use: the LGTIN class URN
 * ({@code urn:epc:class:lgtin:4012345.012345.998877}) and a GS1 Digital Link URI with a lot
 * ({@code https://id.gs1.org/01/04012345123456/10/998877}, any host).
 */
public final class Gs1Keys {

    private static final Pattern LGTIN = Pattern.compile("^urn:epc:class:lgtin:(\\d{6,12})\\.(\\d{1,7})\\.(.+)$");
    private static final Pattern DIGITAL_LINK = Pattern.compile(
            "^https?://[^/]+(?:/[^?#]*)?/01/(\\d{8}|\\d{12,14})/10/([^/?#]+).*$");
    private static final Pattern GTIN = Pattern.compile("^\\d{8}|\\d{12,14}$");

    /** A product batch: GTIN-14 and lot number. */
    public record Batch(String gtin, String lot) {
    }

    private Gs1Keys() {
    }

    /** Returns the batch that an EPC or EPC class names, or empty for identifiers without a lot. */
    public static Optional<Batch> batchOf(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        Matcher urn = LGTIN.matcher(identifier);
        if (urn.matches()) {
            String companyPrefix = urn.group(1);
            String itemReference = urn.group(2);
            if (companyPrefix.length() + itemReference.length() != 13) {
                return Optional.empty();
            }
            // The first digit of the item reference is the GTIN's indicator digit.
            String body = itemReference.charAt(0) + companyPrefix + itemReference.substring(1);
            return Optional.of(new Batch(body + checkDigit(body), decode(urn.group(3))));
        }
        Matcher link = DIGITAL_LINK.matcher(identifier);
        if (link.matches()) {
            return Optional.of(new Batch(toGtin14(link.group(1)), decode(link.group(2))));
        }
        return Optional.empty();
    }

    /** Pads a GTIN-8, -12 or -13 to 14 digits; the check digit stays as given. */
    public static String toGtin14(String gtin) {
        return "0".repeat(14 - gtin.length()) + gtin;
    }

    /** True for 8, 12, 13 or 14 digits whose last digit is the GS1 check digit of the others. */
    public static boolean isValidGtin(String gtin) {
        if (gtin == null || !GTIN.matcher(gtin).matches()) {
            return false;
        }
        String padded = toGtin14(gtin);
        return checkDigit(padded.substring(0, 13)) == padded.charAt(13) - '0';
    }

    /** Computes the GS1 mod-10 check digit: weights 3 and 1 alternating from the rightmost digit. */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Returns the Digital Link path of a batch, e.g. {@code /01/08930000000012/10/LOT1}, with the lot escaped. */
    public static String digitalLinkPath(Batch batch) {
        return "/01/" + batch.gtin() + "/10/" + java.net.URLEncoder.encode(batch.lot(), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String decode(String escaped) {
        try {
            String decoded = URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
            return java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFC);
        } catch (IllegalArgumentException e) {
            return escaped;
        }
    }
}
