package io.weir.perf.nexmark;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters that the harness reads while a run goes on: events emitted per source reader and records seen per sink
 * subtask. Each slot has a single writer, which publishes with {@code setRelease}; readers sum with
 * {@code getAcquire}. Slots are a cache line apart so that writers on different cores do not share a line.
 *
 * <h2>Thread safety</h2>
 * One writer per slot, any number of readers.
 */
public final class Progress {
    private static final int PAD = 16;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    private final long[] emitted;
    private final long[] sunk;

    /** Counters for up to {@code subtasks} readers and sink subtasks. */
    public Progress(int subtasks) {
        this.emitted = new long[(subtasks + 1) * PAD];
        this.sunk = new long[(subtasks + 1) * PAD];
    }

    /** Reader {@code subtask} has emitted {@code total} events so far (after a restore: since the restore). */
    void publish(int subtask, long total) {
        SLOTS.setRelease(emitted, (subtask + 1) * PAD, total);
    }

    /** Sink subtask {@code subtask} has seen {@code total} records so far. */
    void publishSunk(int subtask, long total) {
        SLOTS.setRelease(sunk, (subtask + 1) * PAD, total);
    }

    /** Events emitted by all readers so far. */
    public long emitted() {
        return sum(emitted);
    }

    /** Records seen by all sink subtasks so far. */
    public long sunk() {
        return sum(sunk);
    }

    private static long sum(long[] slots) {
        long total = 0;
        for (int i = PAD; i < slots.length; i += PAD) {
            total += (long) SLOTS.getAcquire(slots, i);
        }
        return total;
    }
}
