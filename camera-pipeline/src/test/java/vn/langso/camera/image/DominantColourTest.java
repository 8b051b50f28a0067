package vn.langso.camera.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.langso.camera.track.Box;

class DominantColourTest {

    @ParameterizedTest
    @CsvSource({
            "245, 245, 245, white",
            "15, 15, 20, black",
            "128, 128, 128, grey",
            "200, 20, 30, red",
            "30, 60, 200, blue",
            "230, 210, 30, yellow",
            "40, 160, 60, green",
            "110, 60, 25, brown"
    })
    void namesColourOfBox(int red, int green, int blue, String expected) {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(90, 90, 90));
        graphics.fillRect(0, 0, 200, 100);
        graphics.setColor(new Color(red, green, blue));
        graphics.fillRect(50, 20, 100, 60);
        graphics.dispose();

        assertThat(DominantColour.of(image, new Box(40, 10, 120, 80))).isEqualTo(expected);
    }

    @Test
    void emptyBoxHasNoColour() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);

        assertThat(DominantColour.of(image, new Box(20, 20, 5, 5))).isNull();
    }
}
