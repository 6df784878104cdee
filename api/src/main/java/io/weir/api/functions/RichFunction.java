package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * A function with a lifecycle. Any function object that also implements this interface gets
 * {@link #open} once before its first record, on the subtask's thread, and {@link #close} once after
 * its last (also when the job fails or is cancelled, as far as the subtask's thread is still alive).
 *
 * <p>Each parallel subtask gets its own copy of a rich function, made by Java serialization when the
 * job starts (as Flink does), so fields set in {@code open} (state handles, counters) belong to one
 * subtask. A rich function must therefore be {@link java.io.Serializable}: keep non-serializable fields
 * {@code transient} and create them in {@code open}. Plain (non-rich) functions are copied the same way
 * when they are serializable and shared otherwise, so they must not keep mutable state.
 */
@Stable
public interface RichFunction extends java.io.Serializable {

    /** Called before the first record; {@code context} stays valid until {@link #close()}. */
    default void open(RuntimeContext context) throws Exception {
    }

    /** Called after the last record, or when the subtask is torn down. */
    default void close() throws Exception {
    }
}
