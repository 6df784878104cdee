package io.weir.api.windowing.assigners;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the assigners. */
final class AssignerArgs {
    private AssignerArgs() {
    }

    static long millis(Duration duration, String name) {
        return Objects.requireNonNull(duration, name).toMillis();
    }

    /**
     * Event-time assigners need a timestamp: {@code Long.MIN_VALUE} means the record has none. Called per record: the
     * {@code assigner} is named (its {@code toString}) only when the check fails.
     */
    static long requireTimestamp(long timestamp, Object assigner) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("a record has no timestamp (Long.MIN_VALUE), but " + assigner
                    + " assigns event-time windows: call assignTimestampsAndWatermarks(...) before keyBy(...).window(...), "
                    + "or use a processing-time assigner");
        }
        return timestamp;
    }
}
