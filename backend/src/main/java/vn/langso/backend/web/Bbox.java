package vn.langso.backend.web;

import java.util.Locale;
import vn.langso.backend.problems.InvalidParameterException;

/**
 * A WGS 84 bounding box, {@code west,south,east,north} in degrees. A west greater than east means the box
 * crosses the antimeridian, which is only accepted for west &gt; 0 and east &lt; 0.
 */
public record Bbox(double west, double south, double east, double north) {

    /** Parses and validates the {@code bbox} query parameter. */
    public static Bbox parse(String raw) {
        String[] parts = raw.split(",", -1);
        if (parts.length != 4) {
            throw InvalidParameterException.bbox("bbox '" + QueryParameters.shorten(raw) + "' has " + parts.length
                    + " values; give four numbers west,south,east,north, for example 105.5,10.3,105.8,10.6.");
        }
        double[] numbers = new double[4];
        String[] names = {"west", "south", "east", "north"};
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = QueryParameters.parseNumber("bbox", parts[i]);
            } catch (InvalidParameterException e) {
                throw InvalidParameterException.bbox("bbox " + names[i] + " '" + QueryParameters.shorten(parts[i])
                        + "' is not a number; give four numbers west,south,east,north.");
            }
        }
        Bbox box = new Bbox(numbers[0], numbers[1], numbers[2], numbers[3]);
        box.validate();
        return box;
    }

    /** Creates a box from numbers already read in west,south,east,north order, validated as {@link #parse} does. */
    public static Bbox of(double west, double south, double east, double north) {
        Bbox box = new Bbox(west, south, east, north);
        box.validate();
        return box;
    }

    private void validate() {
        checkLongitude("west", west);
        checkLongitude("east", east);
        checkLatitude("south", south);
        checkLatitude("north", north);
        if (south > north) {
            throw InvalidParameterException.bbox(format("bbox south %s is greater than north %s; swap them.", south, north));
        }
        if (west > east && !crossesAntimeridian()) {
            throw InvalidParameterException.bbox(format("bbox west %s is greater than east %s; swap them "
                    + "(only a box with west > 0 and east < 0 may cross the antimeridian).", west, east));
        }
    }

    /** True when the box spans the 180° meridian and is therefore two boxes, west..180 and -180..east. */
    public boolean crossesAntimeridian() {
        return west > east && west > 0 && east < 0;
    }

    /**
     * Returns SQL for the box with these {@code ST_MakeEnvelope} arguments, as a point or a line when it has no width or
     * height. PostGIS 3.3 finds that a box with coinciding corners intersects no multipolygon, and fails to transform
     * it after {@code ST_Segmentize}.
     */
    public static String sqlEnvelope(String arguments) {
        return "ST_Envelope(ST_MakeEnvelope(" + arguments + "))";
    }

    private static void checkLongitude(String name, double value) {
        if (value < -180 || value > 180) {
            throw InvalidParameterException.bbox(format("bbox %s %s is not a longitude; it must be between -180 and 180 "
                    + "(the order is west,south,east,north).", name, value));
        }
    }

    private static void checkLatitude(String name, double value) {
        if (value < -90 || value > 90) {
            throw InvalidParameterException.bbox(format("bbox %s %s is not a latitude; it must be between -90 and 90 "
                    + "(the order is west,south,east,north).", name, value));
        }
    }

    private static String format(String template, Object... values) {
        Object[] formatted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            formatted[i] = values[i] instanceof Double d ? Coordinates.format(d) : values[i];
        }
        return String.format(Locale.ROOT, template, formatted);
    }
}
