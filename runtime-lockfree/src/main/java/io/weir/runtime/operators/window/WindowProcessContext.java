package io.weir.runtime.operators.window;

import io.weir.api.codec.Codec;
import io.weir.api.datastream.OutputTag;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.runtime.state.KeyedStateManager;

/**
 * The {@link ProcessWindowFunction.Context} of a window operator, pointed at one window at a time:
 * per-window state is keyed state in the window's namespace (refused for merging windows, as in
 * Flink); side outputs carry the window's {@code maxTimestamp()}.
 */
final class WindowProcessContext {
    private final ProcessWindowFunction<Object, Object, Object, Window>.Context context;
    private Window window;

    WindowProcessContext(ProcessWindowFunction<Object, Object, Object, Window> function, AbstractWindowOperator operator,
                         KeyedStateManager keyedState, Codec<Window> windowCodec, boolean merging) {
        KeyedStateStore windowStore = merging ? null : keyedState.namespacedStore(() -> window, windowCodec);
        this.context = function.new Context() {
            @Override
            public Window window() {
                return window;
            }

            @Override
            public long currentProcessingTime() {
                return operator.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return operator.currentWatermark();
            }

            @Override
            public KeyedStateStore windowState() {
                if (windowStore == null) {
                    throw new UnsupportedOperationException("per-window state is not allowed when using merging windows");
                }
                return windowStore;
            }

            @Override
            public KeyedStateStore globalState() {
                return keyedState;
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                operator.emitSideOutput(tag, value, window.maxTimestamp());
            }
        };
    }

    /** The context, pointed at {@code window}. */
    ProcessWindowFunction<Object, Object, Object, Window>.Context at(Window window) {
        this.window = window;
        return context;
    }
}
