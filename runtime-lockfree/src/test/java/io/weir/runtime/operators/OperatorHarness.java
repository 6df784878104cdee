package io.weir.runtime.operators;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.datastream.OutputTag;
import io.weir.runtime.state.KeyedStateManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one keyed operator by hand over a heap-backed {@link KeyedStateManager} and a manual clock;
 * records what it emits as {@code "value@timestamp"} ({@code "-"} for no timestamp), {@code "wm:t"} and
 * {@code "side:value@timestamp"} for the side output {@link #SIDE}.
 */
public final class OperatorHarness implements AutoCloseable {
    public static final OutputTag<Object> SIDE = new OutputTag<>("side", Object.class);

    private final AtomicLong clock = new AtomicLong();
    private final StreamOperator operator;
    private final KeyedStateManager keyedState;
    private final List<String> out = new ArrayList<>();

    public OperatorHarness(StreamOperator operator) {
        this.operator = operator;
        CodecRegistry codecs = new CodecRegistry();
        this.keyedState = KeyedStateManager.create(new Configuration(), codecs, "op", 0, 1, 128, clock::get);
        operator.open(new OperatorContext("test", "op", 0, 1, 128, recorder(""), Map.of(SIDE.id(), recorder("side:")),
                clock::get, codecs, keyedState));
    }

    private Output recorder(String prefix) {
        return new Output() {
            @Override
            public void emit(Object value, long timestamp) {
                out.add(prefix + value + "@" + (timestamp == Long.MIN_VALUE ? "-" : Long.toString(timestamp)));
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

    public OperatorHarness element(Object value, long timestamp) {
        operator.emit(value, timestamp);
        return this;
    }

    public OperatorHarness watermark(long watermark) {
        operator.processWatermark(watermark);
        return this;
    }

    public OperatorHarness processingTime(long now) {
        clock.set(now);
        operator.onProcessingTime(now);
        return this;
    }

    /** What was emitted since the last call. */
    public List<String> drain() {
        List<String> copy = List.copyOf(out);
        out.clear();
        return copy;
    }

    @Override
    public void close() {
        operator.close();
    }
}
