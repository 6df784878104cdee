package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;
import io.weir.api.time.Clock;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stream gets event timestamps and watermarks: a timestamp assigner and a watermark generator,
 * optionally with idleness. Use with {@code DataStream.assignTimestampsAndWatermarks} or
 * {@code StreamEnvironment.fromSource(source, strategy, name)}.
 *
 * <pre>{@code
 * WatermarkStrategy.<Bid>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *     .withTimestampAssigner((bid, ts) -> bid.dateTime())
 *     .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * @param <T> record type
 */
@Stable
public interface WatermarkStrategy<T> {

    /** A new generator for one parallel subtask; {@code clock} is the job's processing-time clock. */
    WatermarkGenerator<T> createWatermarkGenerator(Clock clock);

    /** The timestamp assigner; by default the record keeps the timestamp it has. */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** This strategy with {@code assigner} for timestamps. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        Objects.requireNonNull(assigner, "assigner");
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(Clock clock) {
                return base.createWatermarkGenerator(clock);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return assigner;
            }
        };
    }

    /** This strategy, marking a subtask idle after {@code idleTimeout} without records. */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(Clock clock) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(clock), idleTimeout, clock);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return base.createTimestampAssigner();
            }
        };
    }

    /** Watermark = highest timestamp seen - {@code maxOutOfOrderness} - 1, emitted periodically. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        return clock -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** For timestamps that never decrease: watermark = highest timestamp seen - 1. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forBoundedOutOfOrderness(Duration.ZERO);
    }

    /** Custom generators, one per parallel subtask. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return supplier::create;
    }

    /** No watermarks at all (event-time windows then fire only at the end of a bounded input). */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return clock -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        };
    }

    /** Creates a generator per subtask. */
    @Stable
    @FunctionalInterface
    interface WatermarkGeneratorSupplier<T> {
        WatermarkGenerator<T> create(Clock clock);
    }
}
