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


/**
 * A task fed by channels: polls its input channels in turn, delivers records to the head of its chain,
 * and combines the channels' watermarks and idleness through a {@link WatermarkValve}.
 */
public final class InputTask extends StreamTask implements ElementHandler {
    /** Elements taken from one channel before checking back-pressure again. */
    private static final int POLL_CHUNK = 256;

    private final ChannelReader[] inputs;
    private final boolean[] ended;
    private final WatermarkValve valve;
    private final Output head;
    private int endedCount;
    private int current;
    private int nextStart;

    public InputTask(String name, int subtask, OperatorChain chain, ChannelReader[] inputs) {
        super(name, subtask, chain);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("task " + name + " has no input channel");
        }
        this.inputs = inputs;
        this.ended = new boolean[inputs.length];
        this.head = chain.head();
        this.valve = new WatermarkValve(inputs.length, head);
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
            case Watermark w -> valve.inputWatermark(current, w.timestamp());
            case EndOfInput e -> {
                ended[current] = true;
                endedCount++;
                valve.inputEnded(current);
                return false;
            }
            case WatermarkStatus s -> valve.inputStatus(current, s == WatermarkStatus.IDLE);
            case CheckpointBarrier b -> {
                // checkpoints are not enabled in this version: barriers are never emitted
            }
            case LatencyMarker m -> {
                // forwarded by the latency tooling of the performance lab; ignored here
            }
        }
        return true;
    }
}
