package io.weir.runtime.operators.window;

import io.weir.api.graph.OperatorSpec;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.assigners.AlignedWindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.runtime.operators.FunctionCopies;

/**
 * Chooses the operator for a window definition. Tumbling or sliding windows with the default time
 * trigger and an incremental function ({@code reduce}/{@code aggregate}, optionally with a process window
 * function on the result) are sliced: by {@link SliceTableWindowOperator} (in-memory slice tables) when the
 * state lives on the heap anyway, by {@link SlicingWindowOperator} (slices in the keyed state backend) when
 * it lives elsewhere, such as RocksDB. Everything else (sessions, global windows, custom triggers,
 * process-only windows that buffer their records) runs on {@link WindowOperator}.
 */
public final class WindowOperators {
    private WindowOperators() {
    }

    /**
     * The operator for one subtask of the plan's window spec, with its own copies of the user functions
     * ({@link FunctionCopies}); {@code inputType} is the class of the input records when known (for state
     * codecs), {@code slicing == false} forces the per-window operator.
     */
    public static AbstractWindowOperator create(OperatorSpec.Window spec, Class<?> inputType, String operatorName,
                                                boolean slicing) {
        return create(spec, inputType, operatorName, slicing, false);
    }

    /**
     * As above; {@code heapState}: the keyed state backend keeps state on the heap, so sliced windows use
     * in-memory slice tables ({@link SliceTableWindowOperator}).
     */
    public static AbstractWindowOperator create(OperatorSpec.Window spec, Class<?> inputType, String operatorName,
                                                boolean slicing, boolean heapState) {
        WindowDefinition definition = WindowDefinition.of(spec.keySelector(), spec.assigner(), spec.trigger(),
                spec.allowedLateness(), spec.lateDataTag(), copyFunctions(spec.function(), operatorName), inputType);
        if (slicing && heapState && canSlice(definition)) {
            return new SliceTableWindowOperator(definition);
        }
        return create(definition, slicing);
    }

    /**
     * The operator for {@code definition}; {@code slicing == false} forces the per-window operator
     * (for functions that do not meet the {@link SlicingWindowOperator} contract).
     */
    public static AbstractWindowOperator create(WindowDefinition definition, boolean slicing) {
        return slicing && canSlice(definition) ? new SlicingWindowOperator(definition) : new WindowOperator(definition);
    }

    /** The operator for {@code definition}, slicing where possible. */
    public static AbstractWindowOperator create(WindowDefinition definition) {
        return create(definition, true);
    }

    /**
     * The function spec with each user function copied for one subtask ({@link FunctionCopies}, as the
     * other operators' functions are), so that fields a process window function sets in {@code open}
     * belong to one subtask.
     */
    static WindowFunctionSpec copyFunctions(WindowFunctionSpec spec, String operatorName) {
        return switch (spec) {
            case WindowFunctionSpec.Reduce r -> new WindowFunctionSpec.Reduce(FunctionCopies.copy(r.function(), operatorName),
                    FunctionCopies.copy(r.processFunction(), operatorName));
            case WindowFunctionSpec.Aggregate a -> new WindowFunctionSpec.Aggregate(
                    FunctionCopies.copy(a.function(), operatorName), FunctionCopies.copy(a.processFunction(), operatorName));
            case WindowFunctionSpec.Process p -> new WindowFunctionSpec.Process(FunctionCopies.copy(p.processFunction(), operatorName));
        };
    }

    /** {@code true} when {@link SlicingWindowOperator} computes {@code definition} with the same results. */
    public static boolean canSlice(WindowDefinition definition) {
        boolean incremental = definition.function() instanceof WindowFunctionSpec.Reduce
                || definition.function() instanceof WindowFunctionSpec.Aggregate;
        Object trigger = definition.trigger();
        Object assigner = definition.assigner();
        boolean defaultTrigger = definition.assigner().isEventTime()
                ? trigger instanceof EventTimeTrigger
                : trigger instanceof ProcessingTimeTrigger;
        return incremental && defaultTrigger && assigner instanceof AlignedWindowAssigner<?>;
    }
}
