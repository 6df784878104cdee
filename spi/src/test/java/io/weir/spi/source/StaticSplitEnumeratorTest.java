package io.weir.spi.source;

import io.weir.spi.testing.TestEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticSplitEnumeratorTest {
    record Split(int ordinal) implements SourceSplit {
        @Override
        public String splitId() {
            return "s" + ordinal;
        }
    }

    private static List<Split> splits(int... ordinals) {
        List<Split> splits = new ArrayList<>();
        for (int o : ordinals) {
            splits.add(new Split(o));
        }
        return splits;
    }

    @Test
    void shouldHandOutOneSplitPerRequestInOrderThenSignalNoMoreSplits() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(2);
        var enumerator = StaticSplitEnumerator.inOrder(context, splits(0, 1, 2));
        enumerator.start();

        enumerator.handleSplitRequest(1);
        enumerator.handleSplitRequest(1);
        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(0);

        assertThat(context.events()).containsExactly("assign s0 to 1", "assign s1 to 1", "assign s2 to 0",
                "no more to 0");
    }

    @Test
    void shouldHandEachReaderAllItsSplitsByOrdinalThenSignalNoMoreSplitsWhenBounded() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(2);
        var enumerator = StaticSplitEnumerator.byOrdinal(context, splits(0, 1, 2, 3, 4), Split::ordinal,
                Boundedness.BOUNDED);

        enumerator.handleSplitRequest(1);
        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(0);

        assertThat(context.events()).containsExactly("assign s1 to 1", "assign s3 to 1", "no more to 1",
                "assign s0 to 0", "assign s2 to 0", "assign s4 to 0", "no more to 0", "no more to 0");
    }

    @Test
    void shouldNeverSignalNoMoreSplitsWhenUnbounded() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(2);
        var enumerator = StaticSplitEnumerator.byOrdinal(context, splits(0, 1), Split::ordinal,
                Boundedness.CONTINUOUS_UNBOUNDED);

        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(0);

        assertThat(context.events()).containsExactly("assign s0 to 0");
        assertThat(enumerator.snapshotState(1)).containsExactly(new Split(1));
    }

    @Test
    void shouldHandOutSplitsGivenBackAfterTheRemainingOnes() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(1);
        var enumerator = StaticSplitEnumerator.inOrder(context, splits(0, 1));
        enumerator.handleSplitRequest(0);

        enumerator.addSplitsBack(List.of(new Split(0)), 0);

        assertThat(enumerator.snapshotState(1)).containsExactly(new Split(1), new Split(0));
        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(0);
        assertThat(context.events()).containsExactly("assign s0 to 0", "assign s1 to 0", "assign s0 to 0",
                "no more to 0");
    }

    @Test
    void shouldAssignSplitsGivenBackByOrdinalToTheirOwner() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(2);
        var enumerator = StaticSplitEnumerator.byOrdinal(context, splits(0, 1), Split::ordinal,
                Boundedness.BOUNDED);
        enumerator.handleSplitRequest(1);

        enumerator.addSplitsBack(List.of(new Split(1), new Split(3)), 1);
        enumerator.handleSplitRequest(1);

        assertThat(context.events()).containsExactly("assign s1 to 1", "no more to 1",
                "assign s1 to 1", "assign s3 to 1", "no more to 1");
        assertThat(enumerator.snapshotState(2)).containsExactly(new Split(0));
    }

    @Test
    void shouldSnapshotTheUnassignedSplitsSoThatARestoredEnumeratorContinuesExactlyThere() {
        TestEnumeratorContext<Split> before = new TestEnumeratorContext<>(3);
        var enumerator = StaticSplitEnumerator.inOrder(before, splits(0, 1, 2, 3));
        enumerator.handleSplitRequest(2);

        List<Split> snapshot = enumerator.snapshotState(7);
        enumerator.handleSplitRequest(0); // after the checkpoint: not in it
        assertThat(snapshot).containsExactly(new Split(1), new Split(2), new Split(3));
        assertThatThrownBy(() -> snapshot.add(new Split(9))).isInstanceOf(UnsupportedOperationException.class);

        TestEnumeratorContext<Split> after = new TestEnumeratorContext<>(3);
        var restored = StaticSplitEnumerator.inOrder(after, snapshot);
        for (int i = 0; i < 4; i++) {
            restored.handleSplitRequest(i % 3);
        }
        assertThat(after.events()).containsExactly("assign s1 to 0", "assign s2 to 1", "assign s3 to 2",
                "no more to 0");
    }

    @Test
    void shouldRedistributeRestoredSplitsByOrdinalOverTheNewParallelism() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(2);
        var restored = StaticSplitEnumerator.byOrdinal(context, splits(2, 3, 5), Split::ordinal,
                Boundedness.BOUNDED);

        restored.handleSplitRequest(0);
        restored.handleSplitRequest(1);

        assertThat(context.events()).containsExactly("assign s2 to 0", "no more to 0", "assign s3 to 1",
                "assign s5 to 1", "no more to 1");
        assertThat(restored.snapshotState(1)).isEmpty();
    }

    @Test
    void shouldCopyTheGivenListAndRejectNullSplits() {
        TestEnumeratorContext<Split> context = new TestEnumeratorContext<>(1);
        List<Split> given = splits(0);
        var enumerator = StaticSplitEnumerator.inOrder(context, given);
        given.add(new Split(1));

        assertThat(enumerator.snapshotState(1)).containsExactly(new Split(0));
        List<Split> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> StaticSplitEnumerator.inOrder(context, withNull))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> enumerator.addSplitsBack(withNull, 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("split");
    }
}
