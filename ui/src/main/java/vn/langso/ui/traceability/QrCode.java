package vn.langso.ui.traceability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A QR code (ISO/IEC 18004) of a text in byte mode with error correction level M, versions 1 to 10 (up to 213 bytes
 * of UTF-8), enough for a GS1 Digital Link URI. The mask is the one with the lowest penalty score of the standard.
 */
public final class QrCode {

    static final int MAX_VERSION = 10;

    /** Error correction codewords per block at level M, by version (index 0 unused). */
    private static final int[] EC_PER_BLOCK = {0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26};
    /** Number of error correction blocks at level M, by version. */
    private static final int[] BLOCKS = {0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5};
    private static final int[][] ALIGNMENT = {
        {}, {}, {6, 18}, {6, 22}, {6, 26}, {6, 30}, {6, 34}, {6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50}};
    /** Format information bits of level M are 00. */
    private static final int LEVEL_M_BITS = 0;

    private final int version;
    private final int size;
    private final boolean[][] dark;
    private final boolean[][] function;

    private QrCode(int version) {
        this.version = version;
        this.size = 17 + 4 * version;
        this.dark = new boolean[size][size];
        this.function = new boolean[size][size];
    }

    /**
     * Encodes the text.
     *
     * @throws IllegalArgumentException when its UTF-8 bytes do not fit version 10 at level M
     */
    public static QrCode encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int version = 1;
        while (version <= MAX_VERSION && 4 + countBits(version) + 8 * bytes.length > dataCodewords(version) * 8) {
            version++;
        }
        if (version > MAX_VERSION) {
            throw new IllegalArgumentException("Text of " + bytes.length + " bytes is too long for a QR code of "
                    + "version " + MAX_VERSION + " at level M; keep it under 214 bytes");
        }
        QrCode code = new QrCode(version);
        code.drawFunctionPatterns();
        code.drawCodewords(code.addErrorCorrection(code.dataCodewords(bytes)));
        code.applyBestMask();
        return code;
    }

    public int size() {
        return size;
    }

    public int version() {
        return version;
    }

    /** True when the module at column x, row y is dark. */
    public boolean isDark(int x, int y) {
        return dark[y][x];
    }

    /** Returns an SVG image with a light border of the given number of modules (the standard requires 4). */
    public String toSvg(int border) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (dark[y][x]) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        int width = size + 2 * border;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + width
                + "\" width=\"" + width * 4 + "\" height=\"" + width * 4 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }

    private static int countBits(int version) {
        return version <= 9 ? 8 : 16;
    }

    private static int rawModules(int version) {
        int modules = (16 * version + 128) * version + 64;
        if (version >= 2) {
            int alignments = version / 7 + 2;
            modules -= (25 * alignments - 10) * alignments - 55;
            if (version >= 7) {
                modules -= 36;
            }
        }
        return modules;
    }

    private static int dataCodewords(int version) {
        return rawModules(version) / 8 - EC_PER_BLOCK[version] * BLOCKS[version];
    }

    private byte[] dataCodewords(byte[] bytes) {
        int capacityBits = dataCodewords(version) * 8;
        BitBuffer bits = new BitBuffer();
        bits.append(0b0100, 4);
        bits.append(bytes.length, countBits(version));
        for (byte b : bytes) {
            bits.append(b & 0xFF, 8);
        }
        bits.append(0, Math.min(4, capacityBits - bits.length()));
        bits.append(0, (8 - bits.length() % 8) % 8);
        for (int pad = 0xEC; bits.length() < capacityBits; pad ^= 0xEC ^ 0x11) {
            bits.append(pad, 8);
        }
        return bits.toBytes();
    }

    /** Splits the data into blocks, appends each block's Reed-Solomon codewords and interleaves them. */
    private byte[] addErrorCorrection(byte[] data) {
        int blocks = BLOCKS[version];
        int ecLength = EC_PER_BLOCK[version];
        int total = rawModules(version) / 8;
        int shortBlocks = blocks - total % blocks;
        int shortLength = total / blocks;
        byte[] divisor = ReedSolomon.divisor(ecLength);

        byte[][] dataBlocks = new byte[blocks][];
        byte[][] ecBlocks = new byte[blocks][];
        for (int i = 0, offset = 0; i < blocks; i++) {
            int length = shortLength - ecLength + (i < shortBlocks ? 0 : 1);
            dataBlocks[i] = java.util.Arrays.copyOfRange(data, offset, offset + length);
            ecBlocks[i] = ReedSolomon.remainder(dataBlocks[i], divisor);
            offset += length;
        }

        ByteArrayOutputStream result = new ByteArrayOutputStream(total);
        for (int i = 0; i <= shortLength - ecLength; i++) {
            for (byte[] block : dataBlocks) {
                if (i < block.length) {
                    result.write(block[i]);
                }
            }
        }
        for (int i = 0; i < ecLength; i++) {
            for (byte[] block : ecBlocks) {
                result.write(block[i]);
            }
        }
        return result.toByteArray();
    }

    private void drawFunctionPatterns() {
        for (int i = 0; i < size; i++) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        drawFinder(3, 3);
        drawFinder(size - 4, 3);
        drawFinder(3, size - 4);
        int[] positions = ALIGNMENT[version];
        for (int i = 0; i < positions.length; i++) {
            for (int j = 0; j < positions.length; j++) {
                boolean nearFinder = (i == 0 && j == 0) || (i == 0 && j == positions.length - 1)
                        || (i == positions.length - 1 && j == 0);
                if (!nearFinder) {
                    drawAlignment(positions[i], positions[j]);
                }
            }
        }
        drawFormatBits(0);
        drawVersionBits();
    }

    private void drawFinder(int centerX, int centerY) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int x = centerX + dx;
                int y = centerY + dy;
                int distance = Math.max(Math.abs(dx), Math.abs(dy));
                if (x >= 0 && x < size && y >= 0 && y < size) {
                    set(x, y, distance != 2 && distance != 4);
                }
            }
        }
    }

    private void drawAlignment(int centerX, int centerY) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                set(centerX + dx, centerY + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
            }
        }
    }

    /** Draws both copies of the 15 format bits (level and mask, BCH-protected, XOR-masked) and the dark module. */
    private void drawFormatBits(int mask) {
        int data = LEVEL_M_BITS << 3 | mask;
        int remainder = data;
        for (int i = 0; i < 10; i++) {
            remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
        }
        int bits = (data << 10 | remainder) ^ 0x5412;

        for (int i = 0; i <= 5; i++) {
            set(8, i, bit(bits, i));
        }
        set(8, 7, bit(bits, 6));
        set(8, 8, bit(bits, 7));
        set(7, 8, bit(bits, 8));
        for (int i = 9; i < 15; i++) {
            set(14 - i, 8, bit(bits, i));
        }
        for (int i = 0; i < 8; i++) {
            set(size - 1 - i, 8, bit(bits, i));
        }
        for (int i = 8; i < 15; i++) {
            set(8, size - 15 + i, bit(bits, i));
        }
        set(8, size - 8, true);
    }

    private void drawVersionBits() {
        if (version < 7) {
            return;
        }
        int remainder = version;
        for (int i = 0; i < 12; i++) {
            remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
        }
        int bits = version << 12 | remainder;
        for (int i = 0; i < 18; i++) {
            int a = size - 11 + i % 3;
            int b = i / 3;
            set(a, b, bit(bits, i));
            set(b, a, bit(bits, i));
        }
    }

    /** Places the codewords in the standard zigzag of two-module columns from the bottom right. */
    private void drawCodewords(byte[] codewords) {
        int index = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            for (int vertical = 0; vertical < size; vertical++) {
                for (int j = 0; j < 2; j++) {
                    int x = right - j;
                    boolean upward = ((right + 1) & 2) == 0;
                    int y = upward ? size - 1 - vertical : vertical;
                    if (!function[y][x] && index < codewords.length * 8) {
                        dark[y][x] = bit(codewords[index >>> 3] & 0xFF, 7 - (index & 7));
                        index++;
                    }
                }
            }
        }
    }

    private void applyBestMask() {
        int best = 0;
        int bestPenalty = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            applyMask(mask);
            drawFormatBits(mask);
            int penalty = QrPenalty.score(dark);
            if (penalty < bestPenalty) {
                best = mask;
                bestPenalty = penalty;
            }
            applyMask(mask);
        }
        applyMask(best);
        drawFormatBits(best);
    }

    /** Inverts the data modules where the mask's condition holds; applying it twice restores them. */
    private void applyMask(int mask) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean invert = switch (mask) {
                    case 0 -> (x + y) % 2 == 0;
                    case 1 -> y % 2 == 0;
                    case 2 -> x % 3 == 0;
                    case 3 -> (x + y) % 3 == 0;
                    case 4 -> (x / 3 + y / 2) % 2 == 0;
                    case 5 -> x * y % 2 + x * y % 3 == 0;
                    case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
                    case 7 -> ((x + y) % 2 + x * y % 3) % 2 == 0;
                    default -> throw new IllegalArgumentException("Mask " + mask);
                };
                if (invert && !function[y][x]) {
                    dark[y][x] = !dark[y][x];
                }
            }
        }
    }

    private void set(int x, int y, boolean isDark) {
        dark[y][x] = isDark;
        function[y][x] = true;
    }

    private static boolean bit(int value, int index) {
        return ((value >>> index) & 1) != 0;
    }

    /** Bits appended most significant first. */
    private static final class BitBuffer {
        private final java.util.BitSet bits = new java.util.BitSet();
        private int length;

        void append(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bits.set(length++, ((value >>> i) & 1) != 0);
            }
        }

        int length() {
            return length;
        }

        byte[] toBytes() {
            byte[] result = new byte[length / 8];
            for (int i = 0; i < length; i++) {
                if (bits.get(i)) {
                    result[i >>> 3] |= (byte) (0x80 >>> (i & 7));
                }
            }
            return result;
        }
    }
}
