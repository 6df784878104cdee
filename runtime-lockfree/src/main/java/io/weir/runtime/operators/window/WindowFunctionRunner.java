package io.weir.runtime.operators.window;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.AppendingState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateDescriptor;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowFunctionSpec;
import io.weir.api.windowing.functions.ProcessWindowFunction;

import java.util.Collections;

/**
 * Turns a window's contents into results, for one {@link WindowFunctionSpec}: the stored contents are
 * the reduced value, the aggregate's result or the buffered records; without a process window function
 * the reduced value or result is emitted as it is, with one it is handed over as a one-element iterable
 * (Flink's {@code InternalSingleValueProcessWindowFunction}), and buffered records are handed over as
 * they are. Also owns the process window function's lifecycle.
 */
final class WindowFunctionRunner {
    /** The name of the window-contents state, as in Flink. */
    static final String CONTENTS_STATE = "window-contents";

    private final WindowFunctionSpec spec;
    private final ProcessWindowFunction<Object, Object, Object, Window> processFunction;

    @SuppressWarnings("unchecked")
    WindowFunctionRunner(WindowFunctionSpec spec) {
        this.spec = spec;
        this.processFunction = (ProcessWindowFunction<Object, Object, Object, Window>) spec.processFunction();
    }

    /**
     * {@code true} when cleaning a window up has something to do: there is a process window function and
     * it (or a class between it and {@link ProcessWindowFunction}) overrides {@link ProcessWindowFunction#clear},
     * the only place Flink's contract lets it delete its per-window state. A function that does not override
     * it leaves per-window state it created behind in Flink too, so skipping the call changes nothing.
     */
    boolean clearsWindowState() {
        if (processFunction == null) {
            return false;
        }
        for (Class<?> type = processFunction.getClass(); type != ProcessWindowFunction.class; type = type.getSuperclass()) {
            try {
                type.getDeclaredMethod("clear", ProcessWindowFunction.Context.class);
                return true;
            } catch (NoSuchMethodException e) {
                // not declared here: look further up
            }
        }
        return false;
    }

    /** The process window function, or {@code null}. */
    ProcessWindowFunction<Object, Object, Object, Window> processFunction() {
        return processFunction;
    }

    /**
     * The descriptor of the per-window contents: reducing, aggregating or list state. Records are
     * encoded with the registry's codec for {@code inputType} when there is one, accumulators (whose
     * type is not declared) and records of unknown type with the portable dynamic codec (state is
     * checkpointed: never the JVM-local one).
     */
    @SuppressWarnings("unchecked")
    StateDescriptor<? extends AppendingState<Object, ?>> contentsDescriptor(Class<?> inputType, CodecRegistry codecs) {
        Codec<Object> records = codecFor(inputType, codecs);
        return switch (spec) {
            case WindowFunctionSpec.Reduce r ->
                    new ReducingStateDescriptor<>(CONTENTS_STATE, (ReduceFunction<Object>) r.function(), records);
            case WindowFunctionSpec.Aggregate a ->
                    new AggregatingStateDescriptor<>(CONTENTS_STATE, (AggregateFunction<Object, Object, Object>) a.function(),
                            codecs.portableDynamicCodec());
            case WindowFunctionSpec.Process p -> new ListStateDescriptor<>(CONTENTS_STATE, records);
        };
    }

    /** The codec of the partial aggregates of a sliced window: records for reduce, accumulators for aggregate. */
    Codec<Object> partialCodec(Class<?> inputType, CodecRegistry codecs) {
        return spec instanceof WindowFunctionSpec.Reduce ? codecFor(inputType, codecs) : codecs.portableDynamicCodec();
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codecFor(Class<?> type, CodecRegistry codecs) {
        CodecRegistry portable = codecs.portable();
        return type != null && portable.hasCodec(type) ? (Codec<Object>) portable.codecFor(type)
                : portable.dynamicCodec();
    }

    void open(RuntimeContext context) throws Exception {
        if (processFunction != null) {
            processFunction.open(context);
        }
    }

    void close() throws Exception {
        if (processFunction != null) {
            processFunction.close();
        }
    }

    /**
     * Evaluates a window whose stored contents are {@code contents} (the state's {@code get()}).
     * {@code context} is the process window function's context, set to the window (may be null when
     * there is no process window function).
     */
    @SuppressWarnings("unchecked")
    void emit(Object key, Object contents, ProcessWindowFunction<Object, Object, Object, Window>.Context context,
              Collector<Object> out) throws Exception {
        if (processFunction == null) {
            out.collect(contents);
        } else if (spec instanceof WindowFunctionSpec.Process) {
            processFunction.process(key, context, (Iterable<Object>) contents, out);
        } else {
            processFunction.process(key, context, Collections.singletonList(contents), out);
        }
    }

    /** The window is cleaned up: lets the process window function clear its per-window state. */
    void clear(ProcessWindowFunction<Object, Object, Object, Window>.Context context) throws Exception {
        if (processFunction != null) {
            processFunction.clear(context);
        }
    }
}
