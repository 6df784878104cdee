package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * A function with a lifecycle. Any function object that also implements this interface gets
 * {@link #open} once before its first record, on the subtask's thread, and {@link #close} once after
 * its last (also when the job fails or is cancelled, as far as the subtask's thread is still alive).
 */
@Stable
public interface RichFunction {

    /** Called before the first record; {@code context} stays valid until {@link #close()}. */
    default void open(RuntimeContext context) throws Exception {
    }

    /** Called after the last record, or when the subtask is torn down. */
    default void close() throws Exception {
    }
}
