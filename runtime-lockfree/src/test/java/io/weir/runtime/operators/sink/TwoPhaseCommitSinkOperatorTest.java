package io.weir.runtime.operators.sink;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.OperatorException;
import io.weir.runtime.operators.Output;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoPhaseCommitSinkOperatorTest {
    private ListTransactionSink sink;

    @BeforeEach
    void setUp() {
        sink = new ListTransactionSink();
    }

    private TwoPhaseCommitSinkOperator open(OperatorListState restored, OptionalLong restoredId) {
        TwoPhaseCommitSinkOperator op = new TwoPhaseCommitSinkOperator(sink, new Configuration());
        restoredId.ifPresent(op::restoredFromCheckpoint);
        op.initializeState(restored, restoredId.isPresent());
        op.open(new OperatorContext("job", "Sink: list", 0, 1, 128, Output.NONE, Map.of(), () -> 0L,
                new CodecRegistry(), null));
        return op;
    }

    private TwoPhaseCommitSinkOperator open() {
        return open(OperatorListState.empty(), OptionalLong.empty());
    }

    private static void write(TwoPhaseCommitSinkOperator op, String... records) {
        for (String r : records) {
            op.emit(r, Long.MIN_VALUE);
        }
    }

    private OperatorListState snapshot(TwoPhaseCommitSinkOperator op, long checkpointId) {
        OperatorListState out = new OperatorListState();
        op.snapshotState(checkpointId, out);
        return OperatorListState.of(out.encoded());
    }

    @Test
    void shouldMakeNothingVisibleBeforeTheCheckpointCompletes() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a", "b");
        OperatorListState state = snapshot(op, 1);

        assertThat(sink.visible).isEmpty();
        assertThat(state.encoded().get(TwoPhaseCommitSinkOperator.PENDING_COMMITTABLES)).hasSize(1);
        assertThat(op.pendingCheckpoints()).containsExactly(1L);

        op.notifyCheckpointComplete(1);
        assertThat(sink.visible).containsExactly("a", "b");
        assertThat(op.pendingCheckpoints()).isEmpty();
        assertThat(sink.log).containsSubsequence("write:b", "prepare:1", "commit:[s0-0]");
    }

    @Test
    void shouldStoreEveryPendingCommittableAndCommitThemAllInOneCall() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a");
        snapshot(op, 1);
        write(op, "b");
        OperatorListState second = snapshot(op, 2);
        write(op, "c");
        snapshot(op, 3);

        assertThat(second.encoded().get(TwoPhaseCommitSinkOperator.PENDING_COMMITTABLES)).hasSize(2);
        op.notifyCheckpointComplete(2);
        assertThat(sink.visible).containsExactly("a", "b");
        assertThat(sink.log).filteredOn(e -> e.startsWith("commit:")).containsExactly("commit:[s0-0, s0-1]");
        assertThat(op.pendingCheckpoints()).containsExactly(3L);
    }

    @Test
    void shouldSkipTheCommitterWhenNothingIsPending() {
        TwoPhaseCommitSinkOperator op = open();
        snapshot(op, 1);
        op.notifyCheckpointComplete(1);
        op.notifyCheckpointComplete(1);

        assertThat(sink.log).noneMatch(e -> e.startsWith("commit:"));
    }

    @Test
    void shouldRecommitRestoredCommittablesAndThenAbortLeftovers() {
        TwoPhaseCommitSinkOperator before = open();
        write(before, "a", "b");
        OperatorListState checkpoint1 = snapshot(before, 1);
        write(before, "c");
        snapshot(before, 2);            // checkpoint 2 never completes
        write(before, "d");             // an open transaction at the failure
        before.close();
        sink.log.clear();

        TwoPhaseCommitSinkOperator after = open(checkpoint1, OptionalLong.of(1));

        assertThat(sink.visible).containsExactly("a", "b");
        assertThat(sink.staged).isEmpty();
        assertThat(sink.log).containsExactly("commit:[s0-0]", "abort:[s0-1, s0-2]");
        assertThat(sink.restoredIds).containsExactly(OptionalLong.empty(), OptionalLong.of(1));
        assertThat(after.pendingCheckpoints()).isEmpty();
    }

    @Test
    void shouldCommitIdempotentlyWhenTheRestoredCheckpointWasAlreadyCommitted() {
        TwoPhaseCommitSinkOperator before = open();
        write(before, "a");
        OperatorListState checkpoint1 = snapshot(before, 1);
        before.notifyCheckpointComplete(1);
        before.close();

        open(checkpoint1, OptionalLong.of(1));

        assertThat(sink.visible).containsExactly("a");
        assertThat(sink.log).filteredOn(e -> e.startsWith("commit:")).containsExactly("commit:[s0-0]", "commit:[s0-0]");
    }

    @Test
    void shouldNotAbortAnythingOnAFreshStart() {
        open();
        assertThat(sink.log).noneMatch(e -> e.startsWith("abort:"));
    }

    @Test
    void shouldPreCommitAtEndOfInputAndCommitAtTheEndOfTheJobAfterClose() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a", "b");
        op.endInput();
        op.close();

        assertThat(sink.visible).isEmpty();
        assertThat(op.pendingCheckpoints()).containsExactly(Long.MAX_VALUE);
        assertThat(sink.log).containsSubsequence("flush:end", "prepare:" + Long.MAX_VALUE, "close-writer",
                "close-committer");

        op.notifyCheckpointComplete(Long.MAX_VALUE);
        assertThat(sink.visible).containsExactly("a", "b");
        assertThat(sink.log.subList(sink.log.size() - 2, sink.log.size()))
                .containsExactly("commit:[s0-0]", "close-committer");
    }

    @Test
    void shouldNotCommitEndOfInputCommittablesOnARegularCheckpoint() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a");
        snapshot(op, 1);
        write(op, "b");
        op.endInput();
        op.notifyCheckpointComplete(1);

        assertThat(sink.visible).containsExactly("a");
        assertThat(op.pendingCheckpoints()).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void shouldNotPreCommitAgainWhenACheckpointFollowsTheEndOfInput() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a");
        op.endInput();
        OperatorListState state = snapshot(op, 5);

        assertThat(sink.log).filteredOn(e -> e.startsWith("prepare:")).containsExactly("prepare:" + Long.MAX_VALUE);
        assertThat(state.encoded().get(TwoPhaseCommitSinkOperator.PENDING_COMMITTABLES)).hasSize(1);
    }

    @Test
    void shouldCloseWriterAndCommitterWithoutEndOfInput() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a");
        op.close();

        assertThat(sink.log).contains("close-writer", "close-committer");
        assertThat(sink.visible).isEmpty();
    }

    @Test
    void shouldNameTheOperatorAndCheckpointWhenPreCommitFails() {
        TwoPhaseCommitSinkOperator op = open();
        sink.failPrepare = new IllegalStateException("disk full");

        assertThatThrownBy(() -> snapshot(op, 7))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("Sink: list")
                .hasMessageContaining("pre-commit of checkpoint 7")
                .hasMessageContaining("disk full");
    }

    @Test
    void shouldKeepCommittablesPendingWhenTheCommitFails() {
        TwoPhaseCommitSinkOperator op = open();
        write(op, "a");
        snapshot(op, 1);
        sink.failCommit = new IllegalStateException("store down");

        assertThatThrownBy(() -> op.notifyCheckpointComplete(1))
                .isInstanceOf(OperatorException.class)
                .hasMessageContaining("commit of checkpoint 1");
        assertThat(op.pendingCheckpoints()).containsExactly(1L);
        op.close();
        assertThat(sink.log).contains("close-writer", "close-committer");
    }

    @Test
    void shouldRestoreCommittablesFromTheEncodedState() {
        TwoPhaseCommitSinkOperator before = open();
        write(before, "a");
        OperatorListState state = snapshot(before, 3);

        List<byte[]> encoded = state.encoded().get(TwoPhaseCommitSinkOperator.PENDING_COMMITTABLES);
        OperatorListState roundTripped = OperatorListState.of(Map.of(TwoPhaseCommitSinkOperator.PENDING_COMMITTABLES,
                List.of(encoded.getFirst().clone())));
        open(roundTripped, OptionalLong.of(3));

        assertThat(sink.visible).containsExactly("a");
    }
}
