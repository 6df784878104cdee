package io.weir.runtime.task;

import io.weir.runtime.operators.Output;

import java.util.Arrays;

/**
 * Combines the watermarks and idleness of a task's input channels into the task's own, as Flink's
 * {@code StatusWatermarkValve}: the task's watermark is the minimum over the channels that are active and
 * aligned (caught up with the last watermark the valve emitted), and it only moves forward. An idle
 * channel stops holding the watermark back; when it becomes active again it rejoins only once its
 * watermark has caught up. When every channel is idle the valve emits the highest channel watermark (if
 * it advances) and marks the task idle; the first active channel marks it active again. An ended channel
 * no longer counts.
 *
 * <h2>Thread safety</h2>
 * Single-threaded: the task's thread.
 */
final class WatermarkValve {
    private final Output output;
    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private final boolean[] ended;
    private long lastOutput = Long.MIN_VALUE;
    private boolean outputIdle;

    WatermarkValve(int channels, Output output) {
        this.output = output;
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.aligned = new boolean[channels];
        this.ended = new boolean[channels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        Arrays.fill(aligned, true);
    }

    void inputWatermark(int channel, long watermark) {
        if (ended[channel]) {
            return;
        }
        if (idle[channel]) {
            // a watermark implies activity (Flink's sources mark active before emitting)
            inputStatus(channel, false);
        }
        if (watermark > watermarks[channel]) {
            watermarks[channel] = watermark;
            if (!aligned[channel] && watermark >= lastOutput) {
                aligned[channel] = true;
            }
            emitMinOfAligned();
        }
    }

    void inputStatus(int channel, boolean nowIdle) {
        if (ended[channel] || idle[channel] == nowIdle) {
            return;
        }
        idle[channel] = nowIdle;
        if (nowIdle) {
            aligned[channel] = false;
            if (allIdleOrEnded()) {
                emitMaxOfAll();
                if (!outputIdle) {
                    outputIdle = true;
                    output.emitWatermarkStatus(true);
                }
            } else {
                emitMinOfAligned();
            }
        } else {
            aligned[channel] = watermarks[channel] >= lastOutput;
            if (outputIdle) {
                outputIdle = false;
                output.emitWatermarkStatus(false);
            }
        }
    }

    void inputEnded(int channel) {
        if (ended[channel]) {
            return;
        }
        ended[channel] = true;
        idle[channel] = false;
        aligned[channel] = false;
        emitMinOfAligned();
    }

    long lastOutput() {
        return lastOutput;
    }

    private boolean allIdleOrEnded() {
        for (int i = 0; i < idle.length; i++) {
            if (!idle[i] && !ended[i]) {
                return false;
            }
        }
        return true;
    }

    private void emitMinOfAligned() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (aligned[i] && !idle[i] && !ended[i]) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        if (any && min > lastOutput) {
            lastOutput = min;
            output.emitWatermark(min);
        }
    }

    private void emitMaxOfAll() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < watermarks.length; i++) {
            if (!ended[i]) {
                max = Math.max(max, watermarks[i]);
            }
        }
        if (max > lastOutput) {
            lastOutput = max;
            output.emitWatermark(max);
        }
    }
}
