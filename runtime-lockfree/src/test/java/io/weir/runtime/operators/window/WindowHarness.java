package io.weir.runtime.operators.window;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.datastream.OutputTag;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.KeyedStore;
import io.weir.spi.state.TimerStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one window operator by hand: records, watermarks and processing time (a manual clock), over
 * a real heap-backed {@link KeyedStateManager}. Everything the operator emits is recorded in order, as
 * {@code "value@timestamp"} for results, {@code "wm:t"} for watermarks and {@code "late:value@timestamp"}
 * for the late-data side output (tag {@link #LATE}).
 */
final class WindowHarness implements AutoCloseable {
    static final OutputTag<Object> LATE = new OutputTag<>("late", Object.class);
    static final OutputTag<Object> SIDE = new OutputTag<>("side", Object.class);

    final AtomicLong clock = new AtomicLong();
    final KeyedStateManager keyedState;
    final AbstractWindowOperator operator;
    final List<String> out = new ArrayList<>();

    WindowHarness(AbstractWindowOperator operator) {
        this.operator = operator;
        CodecRegistry codecs = new CodecRegistry();
        this.keyedState = KeyedStateManager.create(new Configuration().set(StateOptions.STATE_BACKEND, "heap"),
                codecs, "window", 0, 1, 128, clock::get);
        Output main = recorder("");
        Map<String, Output> sides = Map.of(LATE.id(), recorder("late:"), SIDE.id(), recorder("side:"));
        operator.open(new OperatorContext("test", "window", 0, 1, 128, main, sides, clock::get, codecs, keyedState));
    }

    static WindowHarness of(WindowDefinition definition) {
        return new WindowHarness(new WindowOperator(definition));
    }

    static WindowHarness sliced(WindowDefinition definition) {
        return new WindowHarness(new SlicingWindowOperator(definition));
    }

    /** Slicing over in-memory slice tables ({@link SliceTableWindowOperator}). */
    static WindowHarness tables(WindowDefinition definition) {
        return new WindowHarness(new SliceTableWindowOperator(definition));
    }

    /** {@code kind}: {@code window} (per-window operator), {@code slicing} (slices in the backend) or {@code tables}. */
    static WindowHarness of(String kind, WindowDefinition definition) {
        return switch (kind) {
            case "window" -> of(definition);
            case "slicing" -> sliced(definition);
            case "tables" -> tables(definition);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Output recorder(String prefix) {
        return new Output() {
            @Override
            public void emit(Object value, long timestamp) {
                out.add(prefix + value + "@" + (timestamp == Long.MAX_VALUE ? "MAX" : Long.toString(timestamp)));
            }

            @Override
            public void emitWatermark(long watermark) {
                out.add("wm:" + watermark);
            }

            @Override
            public void emitWatermarkStatus(boolean idle) {
                out.add(idle ? "idle" : "active");
            }
        };
    }

    WindowHarness element(Object value, long timestamp) {
        operator.processRecord(value, timestamp);
        return this;
    }

    WindowHarness watermark(long watermark) {
        operator.processWatermark(watermark);
        return this;
    }

    /** Moves the clock to {@code now} and lets the operator fire its processing-time timers. */
    WindowHarness processingTime(long now) {
        clock.set(now);
        operator.onProcessingTime(now);
        return this;
    }

    /** Everything emitted so far, then forgets it. */
    List<String> drain() {
        List<String> copy = List.copyOf(out);
        out.clear();
        return copy;
    }

    /** Entries left in the backend's keyed stores, over every key group. */
    int stateEntries() {
        KeyedStateBackend backend = keyedState.backend();
        int count = 0;
        for (KeyedStore<?, ?> store : backend.stores()) {
            for (int kg = backend.keyGroupRange().first(); kg <= backend.keyGroupRange().last(); kg++) {
                EntryCursor<?, ?> cursor = store.cursor(kg);
                while (cursor.next()) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Timers left in the backend's timer stores. */
    int pendingTimers() {
        int count = 0;
        for (TimerStore<?> store : keyedState.backend().timerStores()) {
            count += store.size();
        }
        return count;
    }

    @Override
    public void close() {
        operator.close();
        keyedState.close();
    }
}
