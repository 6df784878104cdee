package io.weir.perf.flink;

import io.weir.connectors.datagen.EventTime;
import io.weir.connectors.datagen.NexmarkGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkIndexTest {
    private static final long START = 1_000_000;

    @Test
    void shouldNameTheLatestAmongSubtasksOfTheFirstEventsThatLetTheWatermarkPassTheWindow() {
        var eventTime = new EventTime(START, 100_000, 7, 0.0, 1);
        var generator = new NexmarkGenerator(3, eventTime);
        int parallelism = 3;
        long events = 5_000;
        var index = new WatermarkIndex(START - 8, eventTime.due(events - 1), 7, events, parallelism);
        long[] max = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        for (long i = 0; i < events; i++) {
            int subtask = (int) (i % parallelism);
            long ts = generator.event(i).dateTime();
            if (ts > max[subtask]) {
                index.reached(subtask, max[subtask], ts, i);
                max[subtask] = ts;
            }
        }

        for (long end = START + 10; end < START + 480; end += 13) {
            assertThat(index.closingIndex(end)).as("window end %d", end).isEqualTo(bruteForce(generator, events, parallelism, end, 7));
        }
        assertThat(index.closingIndex(START + 10_000)).as("closed by the end of input").isEqualTo(events - 1);
    }

    /** Per subtask, the first event after which max timestamp - bound - 1 >= end - 1; the latest of those. */
    private static long bruteForce(NexmarkGenerator generator, long events, int parallelism, long end, long bound) {
        long closing = 0;
        for (int k = 0; k < parallelism; k++) {
            long max = Long.MIN_VALUE;
            long first = events - 1;
            for (long i = k; i < events; i += parallelism) {
                max = Math.max(max, generator.event(i).dateTime());
                if (max - bound - 1 >= end - 1) {
                    first = i;
                    break;
                }
            }
            closing = Math.max(closing, first);
        }
        return closing;
    }
}
