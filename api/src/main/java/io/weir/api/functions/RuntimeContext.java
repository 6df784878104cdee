package io.weir.api.functions;

import io.weir.api.annotation.Stable;
import io.weir.api.state.KeyedStateStore;

/**
 * What a {@link RichFunction} can learn about where it runs, and its keyed state: on a keyed stream
 * the {@link KeyedStateStore} methods give handles scoped to the current key; elsewhere they throw
 * {@link IllegalStateException}.
 *
 * <h2>Thread safety</h2>
 * Use it only from the subtask's thread (inside {@code open}, the function's methods and {@code close}).
 */
@Stable
public interface RuntimeContext extends KeyedStateStore {

    /** The job's name. */
    String jobName();

    /** The operator's name, as set with {@code name(...)} or derived. */
    String operatorName();

    /** This subtask's index, from 0 to {@code parallelism() - 1}. */
    int subtaskIndex();

    /** The operator's parallelism. */
    int parallelism();

    /** The number of key groups. */
    int maxParallelism();
}
