package vn.langso.ui.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChoroplethClassesTest {

    @Test
    void quantilesSplitEvenly() {
        ChoroplethClasses classes = ChoroplethClasses.quantiles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});

        assertThat(classes.classes()).hasSize(5);
        assertThat(classes.classes()).extracting(ChoroplethClasses.ColourClass::upper).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(classes.classes().getFirst().lower()).isEqualTo(1.0);
        assertThat(classes.colourOf(1)).isEqualTo(ChoroplethClasses.PALETTE.getFirst());
        assertThat(classes.colourOf(10)).isEqualTo(ChoroplethClasses.PALETTE.getLast());
        assertThat(classes.colourOf(5)).isEqualTo(ChoroplethClasses.PALETTE.get(2));
    }

    @Test
    void repeatedValuesMergeClasses() {
        ChoroplethClasses classes = ChoroplethClasses.quantiles(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 3, 7});

        assertThat(classes.classes()).extracting(ChoroplethClasses.ColourClass::upper).containsExactly(0.0, 7.0);
        assertThat(classes.colourOf(0)).isEqualTo(ChoroplethClasses.PALETTE.getFirst());
        assertThat(classes.colourOf(7)).isEqualTo(ChoroplethClasses.PALETTE.getLast());
    }

    @Test
    void singleValueOneDarkClass() {
        ChoroplethClasses classes = ChoroplethClasses.quantiles(new double[] {4, 4, 4});

        assertThat(classes.classes()).hasSize(1);
        assertThat(classes.colourOf(4)).isEqualTo(ChoroplethClasses.PALETTE.getLast());
    }

    @Test
    void noValuesNoClasses() {
        assertThat(ChoroplethClasses.quantiles(new double[0]).classes()).isEmpty();
    }

    @Test
    void labelsUseLanguageNumberFormat() {
        ChoroplethClasses.ColourClass colourClass = new ChoroplethClasses.ColourClass(1.25, 3.5, "#000000");

        assertThat(colourClass.label(Locale.forLanguageTag("vi"))).isEqualTo("1,2 – 3,5");
        assertThat(colourClass.label(Locale.ENGLISH)).isEqualTo("1.2 – 3.5");
        assertThat(new ChoroplethClasses.ColourClass(1200, 1200, "#000000").label(Locale.ENGLISH)).isEqualTo("1,200");
    }

    @Test
    void laterClassesExcludeLowerBound() {
        ChoroplethClasses classes = ChoroplethClasses.quantiles(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 16, 25});

        assertThat(classes.classes()).extracting(colourClass -> colourClass.label(Locale.ENGLISH))
                .containsExactly("0", "> 0 – 25");
    }

    @Test
    void missingValuesLeftOutAndGrey() {
        ChoroplethClasses classes = ChoroplethClasses.quantiles(new double[] {Double.NaN, 2, 4, Double.NaN});

        assertThat(classes.classes()).extracting(ChoroplethClasses.ColourClass::lower).first().isEqualTo(2.0);
        assertThat(classes.colourOf(Double.NaN)).isEqualTo(ChoroplethClasses.NO_DATA_COLOUR);
        assertThat(ChoroplethClasses.quantiles(new double[] {Double.NaN}).classes()).isEmpty();
    }
}
