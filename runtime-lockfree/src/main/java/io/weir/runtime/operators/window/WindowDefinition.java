package io.weir.runtime.operators.window;

import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.triggers.Trigger;

import java.util.Objects;

/**
 * What a window operator does, with the generic types erased: the key selector, the assigner, the
 * trigger (the assigner's default when the job set none), the allowed lateness, the late-data side
 * output and the window function. Built from the plan's window spec by {@link WindowOperators}.
 *
 * @param keySelector     extracts the key of a record
 * @param assigner        assigns windows
 * @param trigger         decides when windows fire
 * @param allowedLateness event-time lateness in milliseconds ({@code >= 0}); ignored in processing time
 * @param lateDataTag     where records too late for every window go, or {@code null} to count them as dropped
 * @param function        how the window's result is computed
 * @param inputType       the class of the input records when known (for state codecs), else {@code null}
 */
public record WindowDefinition(KeySelector<Object, Object> keySelector, WindowAssigner<Object, Window> assigner,
                               Trigger<Object, Window> trigger, long allowedLateness, OutputTag<Object> lateDataTag,
                               WindowFunctionSpec function, Class<?> inputType) {

    public WindowDefinition {
        Objects.requireNonNull(keySelector, "keySelector");
        Objects.requireNonNull(assigner, "assigner");
        Objects.requireNonNull(function, "function");
        if (trigger == null) {
            trigger = assigner.defaultTrigger();
        }
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("the allowed lateness must not be negative, got " + allowedLateness + " ms");
        }
        if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
            throw new IllegalArgumentException("a merging window assigner (" + assigner + ") needs a trigger that supports merging, but "
                    + trigger + " does not");
        }
    }

    /** Builds a definition from loosely typed parts (the plan keeps wildcards). */
    @SuppressWarnings("unchecked")
    public static WindowDefinition of(KeySelector<?, ?> keySelector, WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger,
                                      long allowedLateness, OutputTag<?> lateDataTag, WindowFunctionSpec function,
                                      Class<?> inputType) {
        return new WindowDefinition((KeySelector<Object, Object>) keySelector, (WindowAssigner<Object, Window>) assigner,
                (Trigger<Object, Window>) trigger, allowedLateness, (OutputTag<Object>) lateDataTag, function, inputType);
    }

    /** {@code true} for session-like assigners whose windows merge. */
    public boolean merging() {
        return assigner instanceof MergingWindowAssigner<?, ?>;
    }

    /** A short description for operator names and messages. */
    public String describe() {
        String shape = switch (function) {
            case WindowFunctionSpec.Reduce r -> r.processFunction() == null ? "reduce" : "reduce+process";
            case WindowFunctionSpec.Aggregate a -> a.processFunction() == null ? "aggregate" : "aggregate+process";
            case WindowFunctionSpec.Process p -> "process";
        };
        return "Window(" + assigner + ", " + trigger + ", " + shape + ")";
    }
}
