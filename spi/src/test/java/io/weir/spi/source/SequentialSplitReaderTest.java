package io.weir.spi.source;

import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestSourceOutput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequentialSplitReaderTest {
    /** The numbers {@code next .. end - 1}. */
    record Range(String splitId, int next, int end) implements SourceSplit {
    }

    /** Emits two numbers per poll; {@code paused} makes the open split report nothing available. */
    static final class RangeReader extends SequentialSplitReader<Integer, Range> {
        private Range split;
        private int next;
        boolean paused;

        RangeReader(ReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(Range split) {
            this.split = split;
            this.next = split.next();
        }

        @Override
        protected SplitProgress readSplit(SourceOutput<Integer> output) {
            if (paused) {
                return SplitProgress.NOTHING_AVAILABLE;
            }
            for (int n = 0; n < 2 && next < split.end(); n++) {
                output.collect(next++);
            }
            return next >= split.end() ? SplitProgress.FINISHED : SplitProgress.EMITTED;
        }

        @Override
        protected Range openSplitPosition() {
            return new Range(split.splitId(), next, split.end());
        }
    }

    private final TestReaderContext context = new TestReaderContext(0, 1);
    private final RangeReader reader = new RangeReader(context);
    private final TestSourceOutput<Integer> out = new TestSourceOutput<>();

    @Test
    void shouldAskForASplitOnStartAndWaitForIt() throws Exception {
        reader.start();

        assertThat(context.splitRequests()).isEqualTo(1);
        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
        assertThat(reader.snapshotState(1)).isEmpty();
    }

    @Test
    void shouldReadSplitsOneAfterTheOtherAskingForMoreAfterEach() throws Exception {
        reader.start();
        reader.addSplits(List.of(new Range("a", 0, 3), new Range("b", 10, 11)));

        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.MORE_AVAILABLE);
        assertThat(context.splitRequests()).isEqualTo(1);
        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.MORE_AVAILABLE); // finishes a
        assertThat(context.splitRequests()).isEqualTo(2);
        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.MORE_AVAILABLE); // finishes b
        assertThat(context.splitRequests()).isEqualTo(3);
        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
        reader.notifyNoMoreSplits();
        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.END_OF_INPUT);

        assertThat(out.records()).containsExactly(0, 1, 2, 10);
    }

    @Test
    void shouldEndAtOnceWhenTheLastSplitFinishesAfterNoMoreSplits() throws Exception {
        reader.addSplits(List.of(new Range("a", 0, 1)));
        reader.notifyNoMoreSplits();
        reader.start();

        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.END_OF_INPUT);
        assertThat(context.splitRequests()).as("only the request of start: no more splits can come").isEqualTo(1);
        assertThat(out.records()).containsExactly(0);
    }

    @Test
    void shouldPassOnThatNothingIsAvailable() throws Exception {
        reader.addSplits(List.of(new Range("a", 0, 5)));
        reader.paused = true;

        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
        reader.paused = false;
        assertThat(reader.pollNext(out)).isEqualTo(ReadStatus.MORE_AVAILABLE);
        assertThat(out.records()).containsExactly(0, 1);
    }

    @Test
    void shouldSnapshotTheOpenSplitAtItsPositionThenTheQueuedOnesSoThatARestoreResumesExactly() throws Exception {
        reader.addSplits(List.of(new Range("a", 0, 5), new Range("b", 10, 12)));
        reader.pollNext(out);

        List<Range> state = reader.snapshotState(1);
        assertThat(state).containsExactly(new Range("a", 2, 5), new Range("b", 10, 12));

        RangeReader restored = new RangeReader(new TestReaderContext(0, 1));
        restored.addSplits(state);
        restored.notifyNoMoreSplits();
        TestSourceOutput<Integer> after = new TestSourceOutput<>();
        while (restored.pollNext(after) != ReadStatus.END_OF_INPUT) {
            assertThat(after.records().size()).as("bounded").isLessThan(10);
        }
        assertThat(after.records()).containsExactly(2, 3, 4, 10, 11);
    }
}
