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

    /** One class: values from {@code lower} to {@code upper}, both included. */
    public record ColourClass(double lower, double upper, String colour) {

        /** Returns the range as text in the language's number format, e.g. "1,5 – 3" in Vietnamese. */
        public String label(Locale locale) {
            return lower == upper ? format(lower, locale) : format(lower, locale) + " – " + format(upper, locale);
        }
    }

    private final List<ColourClass> classes;

    private ChoroplethClasses(List<ColourClass> classes) {
        this.classes = List.copyOf(classes);
    }

    /** Builds up to {@link #PALETTE}-size classes from the values; no values give no classes. */
    public static ChoroplethClasses quantiles(double[] values) {
        if (values.length == 0) {
            return new ChoroplethClasses(List.of());
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);

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
            classes.add(new ColourClass(lower, upperBounds.get(i), colour));
            lower = upperBounds.get(i);
        }
        return new ChoroplethClasses(classes);
    }

    public List<ColourClass> classes() {
        return classes;
    }

    /** Returns the colour of a value: the first class whose upper bound is at least the value. */
    public String colourOf(double value) {
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
