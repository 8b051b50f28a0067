package vn.langso.ui.traceability;

/** Reed-Solomon error correction codewords over GF(2^8) with the QR code polynomial x^8 + x^4 + x^3 + x^2 + 1. */
final class ReedSolomon {

    private ReedSolomon() {
    }

    /** Returns the coefficients (highest power first, leading 1 omitted) of the product of (x - 2^i) for i below degree. */
    static byte[] divisor(int degree) {
        byte[] result = new byte[degree];
        result[degree - 1] = 1;
        int root = 1;
        for (int i = 0; i < degree; i++) {
            for (int j = 0; j < degree; j++) {
                result[j] = (byte) multiply(result[j] & 0xFF, root);
                if (j + 1 < degree) {
                    result[j] ^= result[j + 1];
                }
            }
            root = multiply(root, 0x02);
        }
        return result;
    }

    /** Returns the remainder of the data polynomial times x^degree divided by the divisor: the EC codewords. */
    static byte[] remainder(byte[] data, byte[] divisor) {
        byte[] result = new byte[divisor.length];
        for (byte b : data) {
            int factor = (b ^ result[0]) & 0xFF;
            System.arraycopy(result, 1, result, 0, result.length - 1);
            result[result.length - 1] = 0;
            for (int i = 0; i < result.length; i++) {
                result[i] ^= (byte) multiply(divisor[i] & 0xFF, factor);
            }
        }
        return result;
    }

    static int multiply(int x, int y) {
        int product = 0;
        for (int i = 7; i >= 0; i--) {
            product = (product << 1) ^ ((product >>> 7) * 0x11D);
            product ^= ((y >>> i) & 1) * x;
        }
        return product & 0xFF;
    }
}
