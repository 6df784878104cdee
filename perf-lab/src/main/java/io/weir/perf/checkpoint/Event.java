package io.weir.perf.checkpoint;

/**
 * One record of the checkpoint harness: a key and the {@link System#nanoTime()} at which the paced source
 * meant to emit it. {@code intendedNanos == 0} marks a record of the fill phase, which builds the state and
 * is not timed.
 *
 * @param key           the key, in {@code [0, keys)}
 * @param intendedNanos the scheduled emission time ({@code System.nanoTime()} of this JVM), or 0 while filling
 */
record Event(long key, long intendedNanos) {

    /** Whether the record belongs to the paced phase (and its latency is recorded). */
    boolean paced() {
        return intendedNanos != 0;
    }
}
