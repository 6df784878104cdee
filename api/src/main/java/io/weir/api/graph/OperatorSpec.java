package io.weir.api.graph;

import io.weir.api.annotation.Internal;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ReduceFunction;

/** What a one-input operator does; the runtime turns each kind into an operator implementation. */
@Internal
public sealed interface OperatorSpec {

    /** The user function, for lifecycle calls and messages. */
    Object function();

    record Map(MapFunction<?, ?> function) implements OperatorSpec {
    }

    record FlatMap(FlatMapFunction<?, ?> function) implements OperatorSpec {
    }

    record Filter(FilterFunction<?> function) implements OperatorSpec {
    }

    record Process(ProcessFunction<?, ?> function) implements OperatorSpec {
    }

    /** Assigns timestamps and generates watermarks; upstream watermarks are replaced by its own. */
    record TimestampsAndWatermarks(io.weir.api.eventtime.WatermarkStrategy<?> function) implements OperatorSpec {
    }

    /** A keyed process function: keyed state, timers, side outputs. */
    record KeyedProcess(KeySelector<?, ?> keySelector, io.weir.api.functions.KeyedProcessFunction<?, ?, ?> function)
            implements OperatorSpec {
    }

    /**
     * Interval join over a keyed union of {@code TaggedUnion} records: right joins left when
     * {@code left.ts + lower <= right.ts <= left.ts + upper} (bounds already made inclusive).
     */
    record IntervalJoin(KeySelector<?, ?> keySelector, long lower, long upper,
                        io.weir.api.functions.ProcessJoinFunction<?, ?, ?> function) implements OperatorSpec {
    }

    /**
     * A window operator on a keyed stream ({@code WindowedStream}): the window assigner, the trigger (the
     * assigner's default unless the job set one), the allowed lateness in milliseconds, the late-data side
     * output ({@code null}: late records are counted as dropped) and the window function. Emits side
     * outputs: the late-data tag, and whatever its process window function sends.
     */
    record Window(KeySelector<?, ?> keySelector, io.weir.api.windowing.assigners.WindowAssigner<?, ?> assigner,
                  io.weir.api.windowing.triggers.Trigger<?, ?> trigger, long allowedLateness,
                  io.weir.api.datastream.OutputTag<?> lateDataTag, io.weir.api.windowing.WindowFunctionSpec function)
            implements OperatorSpec {
    }

    /** Rolling reduce on a keyed stream: emits the new accumulated value for each record. */
    record KeyedReduce(KeySelector<?, ?> keySelector, ReduceFunction<?> function) implements OperatorSpec {
    }
}
