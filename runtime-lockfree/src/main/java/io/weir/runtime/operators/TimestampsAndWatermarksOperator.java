package io.weir.runtime.operators;

import io.weir.api.eventtime.TimestampAssigner;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.time.Clock;

/**
 * Assigns event timestamps and generates watermarks, as Flink's {@code TimestampsAndWatermarksOperator}:
 * the generator sees every record and is asked for a periodic watermark every
 * {@code pipeline.auto-watermark-interval} of processing time. Watermarks from upstream are dropped,
 * except the final {@code Long.MAX_VALUE} at the end of a bounded input. Emitted watermarks only move
 * forward; idleness is forwarded as a watermark status.
 */
public final class TimestampsAndWatermarksOperator extends StreamOperator {
    private final WatermarkStrategy<Object> strategy;
    private final long intervalMillis;
    private final Clock clock;
    private TimestampAssigner<Object> assigner;
    private WatermarkGenerator<Object> generator;
    private long nextPeriodicEmit;
    private boolean idle;
    private final WatermarkOutput watermarks = new Watermarks();

    @SuppressWarnings("unchecked")
    public TimestampsAndWatermarksOperator(WatermarkStrategy<?> strategy, long intervalMillis, Clock clock) {
        this.strategy = (WatermarkStrategy<Object>) strategy;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    @Override
    protected void doOpen() {
        assigner = strategy.createTimestampAssigner();
        generator = strategy.createWatermarkGenerator(clock);
        nextPeriodicEmit = clock.currentTimeMillis() + intervalMillis;
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        long ts;
        try {
            ts = assigner.extractTimestamp(value, timestamp);
        } catch (RuntimeException e) {
            throw fail("timestamp assigner failed", e);
        }
        recordsOut++;
        output.emit(value, ts);
        // as Flink: the record first, then the generator (whose watermark must follow the record)
        try {
            generator.onEvent(value, ts, watermarks);
        } catch (RuntimeException e) {
            throw fail("watermark generator failed", e);
        }
    }

    @Override
    public void processWatermark(long watermark) {
        if (watermark == Long.MAX_VALUE && currentWatermark != Long.MAX_VALUE) {
            watermarks.markActive();
            currentWatermark = Long.MAX_VALUE;
            output.emitWatermark(Long.MAX_VALUE);
        }
    }

    @Override
    public void processWatermarkStatus(boolean idle) {
        // this operator decides idleness itself, from its generator
    }

    @Override
    public boolean usesProcessingTime() {
        return intervalMillis > 0;
    }

    @Override
    public void onProcessingTime(long now) {
        if (now >= nextPeriodicEmit && currentWatermark != Long.MAX_VALUE) {
            nextPeriodicEmit = now + intervalMillis;
            try {
                generator.onPeriodicEmit(watermarks);
            } catch (RuntimeException e) {
                throw fail("watermark generator failed", e);
            }
        }
    }

    @Override
    public void endInput() {
        if (currentWatermark != Long.MAX_VALUE) {
            try {
                generator.onPeriodicEmit(watermarks);
            } catch (RuntimeException e) {
                throw fail("watermark generator failed", e);
            }
        }
    }

    /** The generator's output: watermarks only forward, idleness as a status. */
    private final class Watermarks implements WatermarkOutput {

        @Override
        public void emitWatermark(long timestamp) {
            if (timestamp > currentWatermark && currentWatermark != Long.MAX_VALUE) {
                markActive();
                currentWatermark = timestamp;
                output.emitWatermark(timestamp);
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(true);
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(false);
            }
        }
    }
}
