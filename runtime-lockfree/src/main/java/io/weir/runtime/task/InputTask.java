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
    private final boolean[] blocked;
    private int endedCount;
    private int current;
    private int nextStart;
    private long aligningId = -1;
    private long lastCheckpointId = -1;
    private long alignmentStart;
    private CheckpointBarrier aligningBarrier;

    public InputTask(String name, int subtask, OperatorChain chain, ChannelReader[] inputs) {
        super(name, subtask, chain);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("task " + name + " has no input channel");
        }
        this.inputs = inputs;
        this.ended = new boolean[inputs.length];
        this.blocked = new boolean[inputs.length];
        this.head = chain.head();
        this.valve = new WatermarkValve(inputs.length, head);
    }

    @Override
    protected boolean processInput() {
        int work = 0;
        int n = inputs.length;
        for (int k = 0; k < n && work < CALL_BUDGET; k++) {
            int idx = (nextStart + k) % n;
            if (ended[idx] || blocked[idx]) {
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
            } while (got == POLL_CHUNK && work < CALL_BUDGET && !ended[idx] && !blocked[idx]);
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

    /**
     * Aligned barriers, as Flink's: the first barrier of checkpoint n blocks its channel; each further
     * barrier of n blocks its channel too; once every channel that has not ended delivered n, the task
     * snapshots, forwards the barrier and unblocks. A barrier of a newer checkpoint cancels an older
     * alignment (that checkpoint was aborted); a barrier of an older one is stale and ignored.
     */
    private void onBarrier(CheckpointBarrier b) {
        long id = b.checkpointId();
        if (id <= lastCheckpointId || id < aligningId) {
            return;
        }
        if (id > aligningId) {
            unblockAll();
            aligningId = id;
            aligningBarrier = b;
            alignmentStart = System.nanoTime();
        }
        blocked[current] = true;
        completeAlignmentIfDone();
    }

    private void completeAlignmentIfDone() {
        for (int i = 0; i < inputs.length; i++) {
            if (!ended[i] && !blocked[i]) {
                return;
            }
        }
        long alignment = System.nanoTime() - alignmentStart;
        CheckpointBarrier barrier = aligningBarrier;
        lastCheckpointId = aligningId;
        unblockAll();
        performCheckpoint(barrier, alignment, java.util.List.of());
    }

    private void unblockAll() {
        java.util.Arrays.fill(blocked, false);
        aligningId = -1;
        aligningBarrier = null;
    }

    @Override
    protected void onCheckpointAborted(long checkpointId) {
        if (aligningId == checkpointId) {
            unblockAll();
        }
        lastCheckpointId = Math.max(lastCheckpointId, checkpointId);
    }

    @Override
    public boolean onControl(ControlEvent event) {
        switch (event) {
            case Watermark w -> valve.inputWatermark(current, w.timestamp());
            case EndOfInput e -> {
                ended[current] = true;
                endedCount++;
                valve.inputEnded(current);
                if (aligningId >= 0) {
                    completeAlignmentIfDone();
                }
                return false;
            }
            case WatermarkStatus s -> valve.inputStatus(current, s == WatermarkStatus.IDLE);
            case CheckpointBarrier b -> {
                onBarrier(b);
                return false;
            }
            case LatencyMarker m -> {
                // forwarded by the latency tooling of the performance lab; ignored here
            }
        }
        return true;
    }
}
