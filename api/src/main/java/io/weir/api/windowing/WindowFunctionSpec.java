package io.weir.api.windowing;

import io.weir.api.annotation.Internal;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.functions.ProcessWindowFunction;

import java.util.Objects;

/**
 * How a window operator computes its result: incrementally with a reduce or aggregate function
 * (optionally handing the single result to a {@link ProcessWindowFunction}), or by buffering the
 * window's records for a {@link ProcessWindowFunction}. Built by {@code WindowedStream}.
 */
@Internal
public sealed interface WindowFunctionSpec {

    /** The process window function, or {@code null} when there is none. */
    ProcessWindowFunction<?, ?, ?, ?> processFunction();

    /** Incremental reduce; the reduced value is emitted as it is, or given to {@code processFunction}. */
    record Reduce(ReduceFunction<?> function, ProcessWindowFunction<?, ?, ?, ?> processFunction) implements WindowFunctionSpec {
        public Reduce {
            Objects.requireNonNull(function, "function");
        }
    }

    /** Incremental aggregation; the result is emitted as it is, or given to {@code processFunction}. */
    record Aggregate(AggregateFunction<?, ?, ?> function, ProcessWindowFunction<?, ?, ?, ?> processFunction)
            implements WindowFunctionSpec {
        public Aggregate {
            Objects.requireNonNull(function, "function");
        }
    }

    /** The window's records are buffered and handed to {@code processFunction} when it fires. */
    record Process(ProcessWindowFunction<?, ?, ?, ?> processFunction) implements WindowFunctionSpec {
        public Process {
            Objects.requireNonNull(processFunction, "processFunction");
        }
    }
}
