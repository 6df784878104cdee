package io.weir.connectors.datagen;

/**
 * Stateless pseudo-random numbers: the SplitMix64 finalizer applied to (seed, index), so that the
 * {@code i}-th event is a pure function of the seed and {@code i}, whichever reader generates it.
 */
final class Mix {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** A well-mixed 64-bit value of {@code seed} and {@code index}. */
    static long hash(long seed, long index) {
        return mix(seed * GOLDEN + mix(index + GOLDEN));
    }

    /** The {@code k}-th derived value of {@code hash}: independent draws from one event's hash. */
    static long draw(long hash, int k) {
        return mix(hash + (k + 1) * GOLDEN);
    }

    /**
     * A value in {@code [0, bound)} from {@code random}, {@code bound > 0}: the high 64 bits of the unsigned
     * 128-bit product {@code random * bound} (Lemire's multiply-shift range reduction; bias at most
     * {@code bound / 2^64}). One multiplication instead of a 64-bit division, which costs tens of cycles and was
     * the generator's largest cost. ({@code Math.unsignedMultiplyHigh} would do, but the generator also compiles for
     * Java 17, where the Flink comparison runs it.)
     */
    static long below(long random, long bound) {
        return Math.multiplyHigh(random, bound) + ((random >> 63) & bound);
    }

    /** A value in {@code [0, 1)} from {@code random}. */
    static double unit(long random) {
        return (random >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
