package io.weir.proptest.pipeline;

import java.io.Serializable;

/**
 * The keyed stage of a pipeline, after {@code keyBy(Ev::key)}. What each emits:
 * <ul>
 *   <li>{@link RollingReduce}: for every record, the running result per key:
 *       {@code Ev(key, sum of values, ts of the latest record, number of records, 0)};</li>
 *   <li>{@link CountingProcess}: a keyed process function with a counter in value state:
 *       {@code Ev(key, value, ts, counter after this record, 0)};</li>
 *   <li>{@link Window}: an event-time window of the key, at each firing:
 *       {@code Ev(key, sum of values, window start, window end, number of records)}.</li>
 * </ul>
 */
public sealed interface KeyedStage extends Serializable {

    /** {@code keyBy(key).reduce(...)}. */
    record RollingReduce() implements KeyedStage {
        /**
         * The reduce function: {@code Ev(key, acc.value + in.value, in.ts, acc.a + in.a + 1, 0)}, so that
         * {@code a} counts the records reduced so far minus one (Flink emits the first record unreduced).
         */
        public static Ev reduce(Ev acc, Ev in) {
            return new Ev(acc.key(), acc.value() + in.value(), in.ts(), acc.a() + in.a() + 1, 0);
        }
    }

    /** {@code keyBy(key).process(counter in ValueState)}. */
    record CountingProcess() implements KeyedStage {
    }

    /** {@code keyBy(key).window(kind).allowedLateness(lateness).aggregate(count and sum)}. */
    record Window(WindowKind kind, long lateness) implements KeyedStage {
        public Window {
            if (lateness < 0) {
                throw new IllegalArgumentException("lateness must not be negative: " + lateness);
            }
        }
    }

    /** The event-time window assigners. */
    sealed interface WindowKind extends Serializable {
    }

    /** Tumbling windows of {@code size} ms (offset 0). */
    record Tumbling(long size) implements WindowKind {
        public Tumbling {
            if (size <= 0) {
                throw new IllegalArgumentException("size must be positive: " + size);
            }
        }
    }

    /** Sliding windows of {@code size} ms every {@code slide} ms (offset 0). */
    record Sliding(long size, long slide) implements WindowKind {
        public Sliding {
            if (size <= 0 || slide <= 0) {
                throw new IllegalArgumentException("size and slide must be positive: " + size + ", " + slide);
            }
        }
    }

    /** Session windows with a gap of {@code gap} ms. */
    record Session(long gap) implements WindowKind {
        public Session {
            if (gap <= 0) {
                throw new IllegalArgumentException("gap must be positive: " + gap);
            }
        }
    }
}
