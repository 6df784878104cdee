package io.weir.connectors.files;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.sink.TwoPhaseCommitSinkOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.weir.runtime.operators.sink.TwoPhaseCommitSinkOperator.PENDING_COMMITTABLES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file sink under the runtime's two-phase-commit operator, driven by hand as the task and the
 * checkpoint coordinator would: checkpoints, a lost notification, a failure, a restore with a different
 * parallelism (committables redistributed evenly, as the runtime does), replay, and the end of the job.
 */
class FileSinkOperatorTest {
    @TempDir
    Path dir;

    private TwoPhaseCommitSinkOperator open(FileSink<String> sink, int subtask, int parallelism,
                                            OperatorListState restored, long restoredId) {
        TwoPhaseCommitSinkOperator op = new TwoPhaseCommitSinkOperator(sink, new Configuration());
        if (restoredId > 0) {
            op.restoredFromCheckpoint(restoredId);
        }
        op.initializeState(restored, restoredId > 0);
        op.open(new OperatorContext("job", "Sink: file", subtask, parallelism, 128, Output.NONE, Map.of(),
                () -> 0L, new CodecRegistry(), null));
        return op;
    }

    private static OperatorListState snapshot(TwoPhaseCommitSinkOperator op, long checkpointId) {
        OperatorListState out = new OperatorListState();
        op.snapshotState(checkpointId, out);
        return out;
    }

    /** Flink's even split: the elements of all old subtasks, in order, cut into {@code n} near-equal runs. */
    private static List<OperatorListState> redistribute(List<OperatorListState> old, int n) {
        List<byte[]> all = new ArrayList<>();
        old.forEach(s -> all.addAll(s.encoded().getOrDefault(PENDING_COMMITTABLES, List.of())));
        List<OperatorListState> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<byte[]> share = all.subList(i * all.size() / n, (i + 1) * all.size() / n);
            shares.add(OperatorListState.of(Map.of(PENDING_COMMITTABLES, share)));
        }
        return shares;
    }

    private static void write(List<TwoPhaseCommitSinkOperator> ops, int from, int to) {
        for (int r = from; r < to; r++) {
            ops.get(r % ops.size()).emit("r" + r, Long.MIN_VALUE);
        }
    }

    private static List<String> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(r -> "r" + r).toList();
    }

    @Test
    void shouldWriteEveryRecordExactlyOnceAcrossAFailureAndARescale() {
        FileSink<String> sink = FileSink.<String>forRows(dir).withRollingSize(40).build();
        List<TwoPhaseCommitSinkOperator> before = List.of(
                open(sink, 0, 2, OperatorListState.empty(), 0), open(sink, 1, 2, OperatorListState.empty(), 0));

        write(before, 0, 30);
        before.forEach(op -> snapshot(op, 1));
        before.forEach(op -> op.notifyCheckpointComplete(1));
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrderElementsOf(records(0, 30));

        write(before, 30, 50);
        List<OperatorListState> checkpoint2 = before.stream().map(op -> snapshot(op, 2)).toList();
        // checkpoint 2 completes, but the job fails before the notification reaches the sinks
        write(before, 50, 70);
        snapshot(before.getFirst(), 3);            // checkpoint 3 never completes
        write(before, 70, 75);
        before.forEach(TwoPhaseCommitSinkOperator::close);
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrderElementsOf(records(0, 30));

        List<OperatorListState> shares = redistribute(checkpoint2, 3);
        List<TwoPhaseCommitSinkOperator> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            after.add(open(sink, i, 3, shares.get(i), 2));
        }
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrderElementsOf(records(0, 50));
        assertThat(PartFiles.staged(dir)).isEmpty();

        write(after, 50, 90);                       // the source replays from checkpoint 2
        after.forEach(op -> snapshot(op, 3));
        after.forEach(op -> op.notifyCheckpointComplete(3));
        write(after, 90, 100);
        after.forEach(TwoPhaseCommitSinkOperator::endInput);
        after.forEach(TwoPhaseCommitSinkOperator::close);
        assertThat(PartFiles.visibleLines(dir)).hasSize(90);

        after.forEach(op -> op.notifyCheckpointComplete(Long.MAX_VALUE));
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrderElementsOf(records(0, 100));
        assertThat(PartFiles.staged(dir)).isEmpty();
    }

    @Test
    void shouldCommitABoundedRunAtTheEndOfTheJob() {
        FileSink<String> sink = FileSink.<String>forRows(dir).build();
        List<TwoPhaseCommitSinkOperator> ops = List.of(
                open(sink, 0, 2, OperatorListState.empty(), 0), open(sink, 1, 2, OperatorListState.empty(), 0));
        write(ops, 0, 1000);
        ops.forEach(TwoPhaseCommitSinkOperator::endInput);
        ops.forEach(TwoPhaseCommitSinkOperator::close);
        assertThat(PartFiles.visible(dir)).isEmpty();

        ops.forEach(op -> op.notifyCheckpointComplete(Long.MAX_VALUE));

        assertThat(PartFiles.visible(dir)).containsExactly("part-0-1-0", "part-1-1-0");
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrderElementsOf(records(0, 1000));
    }
}
