package vn.langso.ui.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The QR encoder against the standard's worked example and, when zbarimg is installed, a real decoder. */
class QrCodeTest {

    private static final String ZBARIMG = "/usr/bin/zbarimg";

    @Test
    void reedSolomonMatchesStandardExample() {
        // Version 1-M data codewords of "01234567" in numeric mode and their 10 EC codewords (ISO/IEC 18004 annex).
        int[] data = {0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11};
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            bytes[i] = (byte) data[i];
        }

        byte[] ec = ReedSolomon.remainder(bytes, ReedSolomon.divisor(10));

        int[] expected = {165, 36, 212, 193, 237, 54, 199, 135, 44, 85};
        for (int i = 0; i < expected.length; i++) {
            assertThat(ec[i] & 0xFF).as("EC codeword %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void versionGrowsWithText() {
        assertThat(QrCode.encode("https://id.gs1.org/01/08930001000018/10/LUA-2607").version()).isEqualTo(4);
        assertThat(QrCode.encode("a").version()).isEqualTo(1);
        assertThat(QrCode.encode("x".repeat(213)).version()).isEqualTo(10);
        assertThatThrownBy(() -> QrCode.encode("x".repeat(214))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finderPatternsAreDrawn() {
        QrCode code = QrCode.encode("LUA-2607");

        int last = code.size() - 1;
        for (int[] corner : List.of(new int[] {0, 0}, new int[] {last - 6, 0}, new int[] {0, last - 6})) {
            assertThat(code.isDark(corner[0], corner[1])).isTrue();
            assertThat(code.isDark(corner[0] + 1, corner[1] + 1)).isFalse();
            assertThat(code.isDark(corner[0] + 3, corner[1] + 3)).isTrue();
        }
        assertThat(code.toSvg(4)).startsWith("<svg").contains("viewBox=\"0 0 29 29\"");
    }

    @Test
    void zbarDecodesDigitalLinks() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(ZBARIMG)),
                "Skipped: zbarimg is not installed (apt-get install zbar-tools)");
        List<String> texts = List.of(
                "https://id.gs1.org/01/08930001000018/10/LUA-2607",
                "http://127.0.0.1:8081/01/08930001000049/10/CATRA-2607",
                "https://id.langso.vn/01/08930001000025/10/XOAI%202607?lang=en&linkType=gs1:traceability",
                "Xoài cát Chu Cao Lãnh, Đồng Tháp " + "0123456789".repeat(12));
        for (String text : texts) {
            QrCode code = QrCode.encode(text);
            Path image = Files.createTempFile("langso-qr-", ".png");
            try {
                ImageIO.write(render(code, 4, 4), "png", image.toFile());
                Process zbar = new ProcessBuilder(ZBARIMG, "--nodbus", "--raw", "-q", image.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String decoded = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(zbar.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(decoded).as("decoded version %d", code.version()).isEqualTo(text);
            } finally {
                Files.deleteIfExists(image);
            }
        }
    }

    private static BufferedImage render(QrCode code, int border, int scale) {
        int width = (code.size() + 2 * border) * scale;
        BufferedImage image = new BufferedImage(width, width, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                int moduleX = x / scale - border;
                int moduleY = y / scale - border;
                boolean dark = moduleX >= 0 && moduleY >= 0 && moduleX < code.size() && moduleY < code.size()
                        && code.isDark(moduleX, moduleY);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
