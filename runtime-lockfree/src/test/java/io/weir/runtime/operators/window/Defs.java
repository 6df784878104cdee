package io.weir.runtime.operators.window;

import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;

/** A small builder of window definitions over {@link Ev} records keyed by {@link Ev#key()}. */
final class Defs {
    private final WindowAssigner<?, ?> assigner;
    private Trigger<?, ?> trigger;
    private long lateness;
    private OutputTag<?> lateTag;

    private Defs(WindowAssigner<?, ?> assigner) {
        this.assigner = assigner;
    }

    static Defs window(WindowAssigner<?, ?> assigner) {
        return new Defs(assigner);
    }

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    Defs trigger(Trigger<?, ?> trigger) {
        this.trigger = trigger;
        return this;
    }

    Defs lateness(long millis) {
        this.lateness = millis;
        return this;
    }

    Defs lateToSideOutput() {
        this.lateTag = WindowHarness.LATE;
        return this;
    }

    WindowDefinition reduce(ReduceFunction<Ev> function) {
        return build(new WindowFunctionSpec.Reduce(function, null));
    }

    WindowDefinition reduce(ReduceFunction<Ev> function, ProcessWindowFunction<?, ?, ?, ?> process) {
        return build(new WindowFunctionSpec.Reduce(function, process));
    }

    WindowDefinition aggregate(AggregateFunction<Ev, ?, ?> function) {
        return build(new WindowFunctionSpec.Aggregate(function, null));
    }

    WindowDefinition aggregate(AggregateFunction<Ev, ?, ?> function, ProcessWindowFunction<?, ?, ?, ?> process) {
        return build(new WindowFunctionSpec.Aggregate(function, process));
    }

    WindowDefinition process(ProcessWindowFunction<?, ?, ?, ?> process) {
        return build(new WindowFunctionSpec.Process(process));
    }

    private WindowDefinition build(WindowFunctionSpec function) {
        KeySelector<Ev, String> key = Ev::key;
        return WindowDefinition.of(key, assigner, trigger, lateness, lateTag, function, Ev.class);
    }
}
