package vn.langso.ui.traceability;

/** The penalty score of a QR code's modules (ISO/IEC 18004 mask evaluation): the mask with the lowest score wins. */
final class QrPenalty {

    private static final boolean[] FINDER_LIKE = {true, false, true, true, true, false, true, false, false, false, false};

    private QrPenalty() {
    }

    static int score(boolean[][] dark) {
        int size = dark.length;
        int score = 0;
        int darkCount = 0;
        for (int i = 0; i < size; i++) {
            score += runs(dark, i, true) + runs(dark, i, false);
            score += finderLike(dark, i, true) + finderLike(dark, i, false);
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (dark[y][x]) {
                    darkCount++;
                }
                if (x + 1 < size && y + 1 < size && dark[y][x] == dark[y][x + 1] && dark[y][x] == dark[y + 1][x]
                        && dark[y][x] == dark[y + 1][x + 1]) {
                    score += 3;
                }
            }
        }
        int total = size * size;
        int deviation = Math.abs(darkCount * 100 / total - 50);
        return score + deviation / 5 * 10;
    }

    /** Rule 1: five or more same-coloured modules in a row score 3, plus 1 per extra module. */
    private static int runs(boolean[][] dark, int line, boolean horizontal) {
        int score = 0;
        int run = 0;
        boolean previous = false;
        for (int i = 0; i < dark.length; i++) {
            boolean module = horizontal ? dark[line][i] : dark[i][line];
            if (i > 0 && module == previous) {
                run++;
            } else {
                score += run >= 5 ? run - 2 : 0;
                run = 1;
            }
            previous = module;
        }
        return score + (run >= 5 ? run - 2 : 0);
    }

    /** Rule 3: 1:1:3:1:1 dark-light pattern beside four light modules, either way round, scores 40. */
    private static int finderLike(boolean[][] dark, int line, boolean horizontal) {
        int score = 0;
        int length = FINDER_LIKE.length;
        for (int start = 0; start + length <= dark.length; start++) {
            boolean forward = true;
            boolean backward = true;
            for (int k = 0; k < length; k++) {
                boolean module = horizontal ? dark[line][start + k] : dark[start + k][line];
                forward &= module == FINDER_LIKE[k];
                backward &= module == FINDER_LIKE[length - 1 - k];
            }
            score += (forward ? 40 : 0) + (backward ? 40 : 0);
        }
        return score;
    }
}
