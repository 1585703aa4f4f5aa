package io.finagent.system.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fuzz suite's source of choices: one seeded generator, so that a seed replays a run request for
 * request. Our own rather than a property-based library's: see system-tests/README.md, "Why a
 * generator of our own".
 */
public final class Draws {

    private final SplittableRandom random;

    public Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The index of one of the weights, drawn in proportion to it (a weight of 0 is never drawn). */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; ; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    long between(long low, long high) {
        return random.nextLong(low, high + 1);
    }

    long anyLong() {
        return random.nextLong();
    }

    /** Any double, by its bits: subnormals, infinities and NaN included. */
    double anyDouble() {
        return Double.longBitsToDouble(random.nextLong());
    }

    /** Up to {@code maxLength} characters from anywhere in UTF-16: controls, U+0000 and lone surrogates included. */
    String anyString(int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int i = between(0, maxLength); i > 0; i--) {
            s.append(switch (random.nextInt(4)) {
                case 0 -> (char) between(0, 0x1F);
                case 1 -> (char) between(0x20, 0x7E);
                case 2 -> (char) between(0xD800, 0xDFFF);
                default -> (char) between(0, 0xFFFF);
            });
        }
        return s.toString();
    }
}
