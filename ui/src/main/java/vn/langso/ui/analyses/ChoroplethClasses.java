package vn.langso.ui.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Colour classes of a choropleth by quantiles: each class contains about as many communes as the others, which suits
 * the skewed counts of places per commune better than equal intervals. Classes with equal bounds are merged, so a
 * layer with few distinct values gets fewer classes.
 */
public final class ChoroplethClasses {

    /** A sequential green palette, light to dark, readable by people with the common colour vision deficiencies. */
    static final List<String> PALETTE = List.of("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c");

    /** The fill of a commune without a value (no places to take a share of), outside the palette. */
    static final String NO_DATA_COLOUR = "#d9d9d9";

    /**
     * One class: values from {@code lower} to {@code upper}. The upper bound is included, and so is the lower bound
     * of the first class. Each later class starts just above the previous class's upper bound.
     */
    public record ColourClass(double lower, double upper, String colour, boolean lowerIncluded) {

        public ColourClass(double lower, double upper, String colour) {
            this(lower, upper, colour, true);
        }

        /**
         * Returns the range as text in the language's number format, e.g. "1,5 – 3" in Vietnamese, or "> 1,5 – 3"
         * when the lower bound belongs to the previous class, so that no two labels share a value.
         */
        public String label(Locale locale) {
            if (lower == upper) {
                return format(lower, locale);
            }
            return (lowerIncluded ? "" : "> ") + format(lower, locale) + " – " + format(upper, locale);
        }
    }

    private final List<ColourClass> classes;

    private ChoroplethClasses(List<ColourClass> classes) {
        this.classes = List.copyOf(classes);
    }

    /**
     * Builds up to {@link #PALETTE}-size classes from the values; NaN marks a commune without a value and is left
     * out. No values give no classes.
     */
    public static ChoroplethClasses quantiles(double[] values) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (sorted.length == 0) {
            return new ChoroplethClasses(List.of());
        }

        List<Double> upperBounds = new ArrayList<>();
        int classCount = PALETTE.size();
        for (int i = 1; i <= classCount; i++) {
            int index = (int) Math.ceil(i * sorted.length / (double) classCount) - 1;
            double bound = sorted[Math.max(0, index)];
            if (upperBounds.isEmpty() || bound > upperBounds.getLast()) {
                upperBounds.add(bound);
            }
        }

        List<ColourClass> classes = new ArrayList<>();
        double lower = sorted[0];
        for (int i = 0; i < upperBounds.size(); i++) {
            String colour = PALETTE.get(paletteIndex(i, upperBounds.size()));
            classes.add(new ColourClass(lower, upperBounds.get(i), colour, i == 0));
            lower = upperBounds.get(i);
        }
        return new ChoroplethClasses(classes);
    }

    public List<ColourClass> classes() {
        return classes;
    }

    /** Returns the colour of a value: the first class whose upper bound is at least the value, grey for NaN. */
    public String colourOf(double value) {
        if (Double.isNaN(value)) {
            return NO_DATA_COLOUR;
        }
        for (ColourClass colourClass : classes) {
            if (value <= colourClass.upper()) {
                return colourClass.colour();
            }
        }
        return classes.isEmpty() ? PALETTE.getFirst() : classes.getLast().colour();
    }

    /** Spreads fewer classes over the whole palette, so that two classes are light and dark rather than two lights. */
    private static int paletteIndex(int classIndex, int classCount) {
        if (classCount == 1) {
            return PALETTE.size() - 1;
        }
        return (int) Math.round(classIndex * (PALETTE.size() - 1) / (double) (classCount - 1));
    }

    static String format(double value, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        int fractionDigits = 3;
        if (value >= 100) {
            fractionDigits = 0;
        } else if (value >= 1) {
            fractionDigits = 1;
        }
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(value);
    }
}
