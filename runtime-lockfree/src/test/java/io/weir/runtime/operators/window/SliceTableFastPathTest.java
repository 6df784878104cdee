package io.weir.runtime.operators.window;

import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.KeyedStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.weir.runtime.operators.window.Defs.ms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-record fast path of {@link SliceTableWindowOperator}: records of the slice of the previous
 * on-time record skip the window arithmetic until something could make them late or change what they
 * must do (the watermark moving mid-slice, a snapshot marking the slices clean, a restore), with the
 * results of the per-window {@link WindowOperator} throughout.
 */
class SliceTableFastPathTest {

    private static WindowDefinition tumbling(long lateness) {
        return Defs.window(TumblingEventTimeWindows.of(ms(10))).lateness(lateness).lateToSideOutput()
                .aggregate(Ev.COUNT_SUM, Ev.describing());
    }

    private static WindowDefinition sliding(long lateness) {
        return Defs.window(SlidingEventTimeWindows.of(ms(10), ms(4))).lateness(lateness).lateToSideOutput()
                .aggregate(Ev.COUNT_SUM, Ev.describing());
    }

    @Test
    void aWatermarkMidSliceMakesTheSlicesNextRecordLate() {
        try (var tables = WindowHarness.tables(tumbling(0))) {
            tables.element(Ev.of("a", 1), 1).element(Ev.of("a", 2), 2).element(Ev.of("a", 3), 3);
            assertThat(fastRecords(tables)).isEqualTo(2);
            tables.watermark(9); // mid-run: [0,10) fires; its slice takes no more records
            tables.element(Ev.of("a", 4), 4);
            assertThat(tables.drain()).containsExactly("a[0,10):3/6@9", "wm:9", "late:a=4@4");
            assertThat(fastRecords(tables)).isEqualTo(2);
        }
    }

    @Test
    void aLateRecordAfterAFastRunReFiresItsWindowsWithinTheLateness() {
        try (var tables = WindowHarness.tables(sliding(6))) {
            for (long t = 8; t < 12; t++) {
                tables.element(Ev.of("a", t), t); // slices [8,10) and [10,12)
            }
            assertThat(fastRecords(tables)).isEqualTo(2);
            tables.watermark(13); // fires [0,10) and [4,14)
            assertThat(tables.drain()).containsExactly("a[0,10):2/17@9", "a[4,14):4/38@13", "wm:13");
            tables.element(Ev.of("a", 100), 9).element(Ev.of("a", 100), 9); // late within the lateness: re-fire
            assertThat(tables.drain()).containsExactly("a[4,14):5/138@13", "a[0,10):3/117@9",
                    "a[4,14):6/238@13", "a[0,10):4/217@9");
            assertThat(fastRecords(tables)).isEqualTo(2);
            tables.element(Ev.of("a", 1), 14).element(Ev.of("a", 1), 15); // on time again: fast again
            assertThat(fastRecords(tables)).isEqualTo(3);
            tables.watermark(Long.MAX_VALUE);
            assertThat(tables.drain()).containsExactly("a[8,18):8/240@17", "a[12,22):2/2@21", "wm:" + Long.MAX_VALUE);
        }
    }

    /** A snapshot marks the slices clean: records after it, in the same slice, must reach the next snapshot. */
    @Test
    void recordsAfterASnapshotInTheSameSliceReachTheNextSnapshot() {
        // a reduce function makes a new partial per record: the backend cannot see the table's changes by reference
        try (var tables = WindowHarness.tables(Defs.window(TumblingEventTimeWindows.of(ms(10))).reduce(Ev.SUM))) {
            tables.element(Ev.of("a", 1), 1).element(Ev.of("a", 2), 2);
            tables.operator.snapshotState(1, new OperatorListState());
            assertThat(mirrored(tables)).containsExactly("a=3");
            tables.element(Ev.of("a", 3), 3).element(Ev.of("a", 4), 4);
            assertThat(fastRecords(tables)).isEqualTo(2);
            tables.operator.snapshotState(2, new OperatorListState());
            assertThat(mirrored(tables)).containsExactly("a=10");
        }
    }

    /**
     * A restored operator does not take the fast path for a slice whose windows fired before the
     * checkpoint (the time they fired up to is restored, not the watermark).
     */
    @Test
    void aRestoredOperatorKeepsRecordsOfFiredWindowsOffTheFastPath() {
        OperatorListState snapshot;
        try (var before = WindowHarness.tables(tumbling(0))) {
            before.element(Ev.of("a", 1), 5).watermark(9);
            OperatorListState out = new OperatorListState();
            before.operator.snapshotState(1, out);
            snapshot = OperatorListState.of(out.encoded());
        }
        SliceTableWindowOperator restored = new SliceTableWindowOperator(tumbling(0));
        restored.initializeState(snapshot, true);
        try (var after = new WindowHarness(restored)) {
            after.element(Ev.of("a", 1), 5).element(Ev.of("a", 2), 6).element(Ev.of("a", 3), 10).element(Ev.of("a", 4), 11);
            assertThat(restored.fastRecords()).isEqualTo(1);
            after.watermark(19);
            assertThat(after.drain()).containsExactly("late:a=1@5", "late:a=2@6", "a[10,20):2/7@19", "wm:19");
        }
    }

    /**
     * Runs of records in one slice, with watermarks (and snapshots) between and inside them and records
     * late within and beyond the lateness: the per-window operator's results, with some records fast.
     */
    @ParameterizedTest(name = "{0}, lateness {1}, seed {2}")
    @CsvSource({"tumbling,0,1", "tumbling,7,2", "sliding,0,3", "sliding,9,4"})
    void shouldGiveThePerWindowOperatorsResults(String kind, long lateness, long seed) {
        WindowDefinition definition = kind.equals("tumbling") ? tumbling(lateness) : sliding(lateness);
        try (var reference = WindowHarness.of(definition);
             var tables = WindowHarness.tables(kind.equals("tumbling") ? tumbling(lateness) : sliding(lateness))) {
            Random random = new Random(seed);
            long watermark = Long.MIN_VALUE;
            long records = 0;
            for (long t = 0; t < 300; t++) {
                for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                    long time = random.nextInt(8) == 0 ? t - random.nextInt(20) : t;
                    Ev ev = Ev.of("k" + random.nextInt(3), random.nextInt(10));
                    reference.element(ev, time);
                    tables.element(ev, time);
                    records++;
                    long next = time - 1 + random.nextInt(12); // mid-slice, often past the slice's windows
                    if (random.nextInt(10) == 0 && next > watermark) {
                        watermark = next;
                        reference.watermark(watermark);
                        tables.watermark(watermark);
                    }
                    if (random.nextInt(25) == 0) {
                        tables.operator.snapshotState(t, new OperatorListState());
                    }
                }
                assertThat(tables.drain()).as("%s at %d", kind, t).containsExactlyInAnyOrderElementsOf(reference.drain());
            }
            reference.watermark(Long.MAX_VALUE);
            tables.watermark(Long.MAX_VALUE);
            assertThat(tables.drain()).containsExactlyInAnyOrderElementsOf(reference.drain());
            assertThat(fastRecords(tables)).as("records on the fast path").isPositive().isLessThan(records);
        }
    }

    private static long fastRecords(WindowHarness harness) {
        return ((SliceTableWindowOperator) harness.operator).fastRecords();
    }

    /** The partials mirrored into the backend. */
    private static List<String> mirrored(WindowHarness harness) {
        KeyedStateBackend backend = harness.keyedState.backend();
        List<String> values = new ArrayList<>();
        for (KeyedStore<?, ?> store : backend.stores()) {
            for (int kg = backend.keyGroupRange().first(); kg <= backend.keyGroupRange().last(); kg++) {
                EntryCursor<?, ?> cursor = store.cursor(kg);
                while (cursor.next()) {
                    values.add(String.valueOf(cursor.value()));
                }
            }
        }
        return values;
    }
}
