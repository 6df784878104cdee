package io.weir.spi.testing;

import io.weir.spi.source.SourceSplit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestContextsTest {
    record Split(String splitId) implements SourceSplit {
    }

    @Test
    void enumeratorContextShouldRecordInOrderAndForward() {
        List<String> forwarded = new ArrayList<>();
        var context = new TestEnumeratorContext<Split>(2)
                .forwardTo((split, subtask) -> forwarded.add(split.splitId() + "@" + subtask), subtask -> forwarded.add("end@" + subtask));

        context.assignSplit(new Split("b"), 1);
        context.assignSplit(new Split("a"), 0);
        context.signalNoMoreSplits(1);

        assertThat(context.events()).containsExactly("assign b to 1", "assign a to 0", "no more to 1");
        assertThat(context.assigned(1)).containsExactly(new Split("b"));
        assertThat(context.allAssigned()).containsExactly(new Split("a"), new Split("b"));
        assertThat(context.noMoreSplits()).containsExactly(1);
        assertThat(forwarded).containsExactly("b@1", "a@0", "end@1");
    }

    @Test
    void enumeratorContextShouldRejectASubtaskOutsideTheParallelism() {
        var context = new TestEnumeratorContext<Split>(2);

        assertThatThrownBy(() -> context.assignSplit(new Split("x"), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split x").hasMessageContaining("subtask 2");
        assertThatThrownBy(() -> context.signalNoMoreSplits(-1)).hasMessageContaining("subtask -1");
        assertThat(context.events()).isEmpty();
    }

    @Test
    void readerContextShouldCountRequestsThenRunTheAction() {
        int[] seen = new int[1];
        var context = new TestReaderContext(1, 3);
        context.sendSplitRequest();
        context.onSplitRequest(() -> seen[0] = context.splitRequests());
        context.sendSplitRequest();

        assertThat(context.splitRequests()).isEqualTo(2);
        assertThat(seen[0]).isEqualTo(2);
        assertThatThrownBy(() -> new TestReaderContext(3, 3)).hasMessageContaining("subtask 3 of parallelism 3");
    }

    @Test
    void writerContextAndOutputShouldHoldWhatTheyWereGiven() {
        assertThat(TestWriterContext.fresh(0, 2).restoredCheckpointId()).isEmpty();
        assertThat(TestWriterContext.restored(1, 2, 7).restoredCheckpointId()).hasValue(7);
        assertThatThrownBy(() -> TestWriterContext.fresh(0, 0)).hasMessageContaining("parallelism 0");

        var output = new TestSourceOutput<String>();
        output.collect("a");
        output.collect("b", 5);
        assertThat(output.records()).containsExactly("a", "b");
        assertThat(output.timestamps()).containsExactly(TestSourceOutput.NO_TIMESTAMP, 5L);
    }
}
