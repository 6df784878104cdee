package io.weir.connectors.datagen;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void belowIsTheHighHalfOfTheUnsignedProduct() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong();
            long bound = switch (i % 4) {
                case 0 -> 1 + random.nextInt(1_000);
                case 1 -> 1 + random.nextLong(1L << 40);
                case 2 -> Long.MAX_VALUE - random.nextInt(1_000);
                default -> 1;
            };
            BigInteger unsigned = new BigInteger(Long.toUnsignedString(value));
            long expected = unsigned.multiply(BigInteger.valueOf(bound)).divide(TWO_64).longValueExact();
            long actual = Mix.below(value, bound);
            assertEquals(expected, actual, () -> "below(" + value + ", " + bound + ")");
            assertTrue(actual >= 0 && actual < bound);
        }
    }

    @Test
    void belowCoversTheRangeEvenly() {
        int bound = 10;
        long[] counts = new long[bound];
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts[(int) Mix.below(Mix.hash(3, i), bound)]++;
        }
        for (int v = 0; v < bound; v++) {
            // expected 10,000 each; a fair draw stays within 5 standard deviations (about 475)
            assertTrue(Math.abs(counts[v] - draws / bound) < 500, "value " + v + " drawn " + counts[v] + " times");
        }
    }

    @Test
    void extremesOfTheRandomValueMapToTheEndsOfTheRange() {
        assertEquals(0, Mix.below(0, 100));
        assertEquals(99, Mix.below(-1L, 100)); // 2^64 - 1 is the largest unsigned value
        assertEquals(49, Mix.below(Long.MAX_VALUE, 100));
        assertEquals(50, Mix.below(Long.MIN_VALUE, 100));
    }
}
