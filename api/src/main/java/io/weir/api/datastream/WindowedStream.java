package io.weir.api.datastream;

import io.weir.api.annotation.Evolving;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.RichFunction;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream cut into windows, as Flink's {@code WindowedStream}: configure the trigger, the allowed
 * lateness and the late-data side output, then finish with a window function ({@code reduce},
 * {@code aggregate} or {@code process}), which adds the window operator and returns its results.
 *
 * <p>Semantics are Flink's: an event-time window fires when the watermark reaches its
 * {@code maxTimestamp()}; its results carry that timestamp; a record is dropped from every window whose
 * {@code maxTimestamp() + allowedLateness} the watermark reached, and a record no window takes goes to
 * the {@link #sideOutputLateData late-data side output} (read it with
 * {@link DataStream#getSideOutput} on the result) or is counted as dropped. Within the lateness a late
 * record fires its window again with the updated contents.
 *
 * <h2>Thread safety</h2>
 * Build a job on one thread.
 *
 * @param <T> record type
 * @param <K> key type
 * @param <W> window type
 */
@Evolving
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    /** Windows of {@code input} assigned by {@code assigner}, with the assigner's default trigger. */
    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = Objects.requireNonNull(input, "input");
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.trigger = assigner.defaultTrigger();
    }

    /** Replaces the assigner's default trigger; merging (session) assigners need a trigger that can merge. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
            throw new UnsupportedOperationException("a merging window assigner (" + assigner
                    + ") cannot be used with a trigger that does not support merging (" + trigger + ")");
        }
        this.trigger = trigger;
        return this;
    }

    /**
     * How long after a window's end (in event time) records are still added to it, each firing the
     * window again; default zero. Has no effect on processing-time windows.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        long millis = Objects.requireNonNull(lateness, "lateness").toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException("the allowed lateness cannot be negative, got " + lateness);
        }
        this.allowedLateness = millis;
        return this;
    }

    /** Sends records too late for every window to the side output {@code tag} instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateDataTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    /** Reduces each window incrementally and emits the reduced value. */
    public DataStream<T> reduce(ReduceFunction<T> function) {
        rejectRich(function, "the reduce function of reduce(ReduceFunction)",
                "use reduce(ReduceFunction, ProcessWindowFunction) for a lifecycle");
        return window(new WindowFunctionSpec.Reduce(function, null), input.transformation().outputType());
    }

    /** Reduces each window incrementally and hands the reduced value to {@code function} when the window fires. */
    public <R> DataStream<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        rejectRich(reduceFunction, "the reduce function", "put the lifecycle in the ProcessWindowFunction");
        return window(new WindowFunctionSpec.Reduce(reduceFunction,
                Objects.requireNonNull(function, "function")), null);
    }

    /** Aggregates each window incrementally and emits the aggregate's result. */
    public <ACC, R> DataStream<R> aggregate(AggregateFunction<T, ACC, R> function) {
        rejectRich(function, "the aggregate function", "use aggregate(AggregateFunction, ProcessWindowFunction) for a lifecycle");
        return window(new WindowFunctionSpec.Aggregate(function, null), null);
    }

    /** Aggregates each window incrementally and hands the result to {@code function} when the window fires. */
    public <ACC, V, R> DataStream<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
                                               ProcessWindowFunction<V, R, K, W> function) {
        rejectRich(aggregateFunction, "the aggregate function", "put the lifecycle in the ProcessWindowFunction");
        return window(new WindowFunctionSpec.Aggregate(aggregateFunction,
                Objects.requireNonNull(function, "function")), null);
    }

    /** Buffers each window's records and hands them all to {@code function} when the window fires. */
    public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return window(new WindowFunctionSpec.Process(Objects.requireNonNull(function, "function")), null);
    }

    private <R> DataStream<R> window(WindowFunctionSpec function, Class<?> outputType) {
        var spec = new OperatorSpec.Window(input.keySelector(), assigner, trigger, allowedLateness, lateDataTag, function);
        return input.oneInput("Window(" + assigner + ", " + trigger + ")", spec, outputType);
    }

    private static void rejectRich(Object function, String what, String instead) {
        Objects.requireNonNull(function, "function");
        if (function instanceof RichFunction) {
            throw new UnsupportedOperationException(what + " of a window cannot be a RichFunction: " + instead);
        }
    }
}
