package io.weir.runtime.task;

import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.element.LatencyMarker;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;
import io.weir.runtime.exchange.ChannelReader;
import io.weir.runtime.exchange.ElementHandler;
import io.weir.runtime.operators.Output;

import java.util.Arrays;

/**
 * A task fed by channels: polls its input channels in turn, delivers records to the head of its chain,
 * and combines the channels' watermarks (the minimum over the inputs that have not ended, forwarded
 * only when it advances, as Flink does).
 */
public final class InputTask extends StreamTask implements ElementHandler {
    /** Elements taken from one channel before checking back-pressure again. */
    private static final int POLL_CHUNK = 256;

    private final ChannelReader[] inputs;
    private final boolean[] ended;
    private final long[] watermarks;
    private final Output head;
    private int endedCount;
    private int current;
    private int nextStart;
    private long combinedWatermark = Long.MIN_VALUE;

    public InputTask(String name, int subtask, OperatorChain chain, ChannelReader[] inputs) {
        super(name, subtask, chain);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("task " + name + " has no input channel");
        }
        this.inputs = inputs;
        this.ended = new boolean[inputs.length];
        this.watermarks = new long[inputs.length];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        this.head = chain.head();
    }

    @Override
    protected boolean processInput() {
        int work = 0;
        int n = inputs.length;
        for (int k = 0; k < n && work < CALL_BUDGET; k++) {
            int idx = (nextStart + k) % n;
            if (ended[idx]) {
                continue;
            }
            current = idx;
            int got;
            do {
                if (!chain.hasCapacity()) {
                    nextStart = idx;
                    return work > 0;
                }
                got = inputs[idx].poll(this, POLL_CHUNK);
                work += got;
            } while (got == POLL_CHUNK && work < CALL_BUDGET && !ended[idx]);
        }
        nextStart = (nextStart + 1) % n;
        if (endedCount == n) {
            endOfInput();
            return true;
        }
        return work > 0;
    }

    @Override
    public void onRecord(Object value, long timestamp) {
        head.emit(value, timestamp);
    }

    @Override
    public boolean onControl(ControlEvent event) {
        switch (event) {
            case Watermark w -> {
                if (w.timestamp() > watermarks[current]) {
                    watermarks[current] = w.timestamp();
                    advanceWatermark();
                }
            }
            case EndOfInput e -> {
                ended[current] = true;
                endedCount++;
                advanceWatermark();
                return false;
            }
            case WatermarkStatus s -> {
                // idleness is handled with event time (watermark strategies); nothing to do here yet
            }
            case CheckpointBarrier b -> {
                // checkpoints are not enabled in this version: barriers are never emitted
            }
            case LatencyMarker m -> {
                // forwarded by the latency tooling of the performance lab; ignored here
            }
        }
        return true;
    }

    private void advanceWatermark() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!ended[i]) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        if (!any) {
            return;
        }
        if (min > combinedWatermark) {
            combinedWatermark = min;
            head.emitWatermark(min);
        }
    }
}
