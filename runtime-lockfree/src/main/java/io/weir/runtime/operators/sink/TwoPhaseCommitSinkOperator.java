package io.weir.runtime.operators.sink;

import io.weir.api.config.Configuration;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.operators.sink.PendingCommittableCodec.Pending;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Drives a {@link TwoPhaseCommitSink} for one subtask: a writer that pre-commits at every checkpoint
 * barrier, and a committer that commits after the checkpoint completes (Flink's order: metadata first,
 * then commit).
 *
 * <ul>
 *   <li>{@link #snapshotState}: {@code writer.prepareCommit(n)}; the committables stay pending under
 *       {@code n}; <em>every</em> pending committable (of each checkpoint not yet committed) goes into
 *       the list state {@value #PENDING_COMMITTABLES}, so that a checkpoint whose notification was lost
 *       still commits the older ones after a restore.</li>
 *   <li>{@link #notifyCheckpointComplete}: one committer call for the pending committables of every
 *       checkpoint {@code <= n}, then they are forgotten.</li>
 *   <li>{@link #initializeState} with a restore: at open, the restored committables (they belong to
 *       the completed checkpoint that was restored) are committed, then the writer aborts its
 *       leftovers. Call {@link #restoredFromCheckpoint} before open to tell the writer the id.</li>
 *   <li>{@link #endInput()}: {@code writer.flush(true)}, then {@code prepareCommit(Long.MAX_VALUE)};
 *       with checkpoints enabled, they go into the job's final checkpoint (a {@link #snapshotState} after
 *       the end of the input moves them under its id) and are committed when it completes; without, they
 *       are committed by {@code notifyCheckpointComplete(Long.MAX_VALUE)} once the whole job has finished,
 *       which may come after {@link #close()} (a short-lived committer is then created for it).</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * As every {@link StreamOperator}: the task's thread; {@code close} after a failure and the end-of-job
 * {@code notifyCheckpointComplete(Long.MAX_VALUE)} may come from the thread that supervises the job,
 * after the task's thread has stopped.
 */
public final class TwoPhaseCommitSinkOperator extends StreamOperator {
    /** Name of the operator list state that holds the pending committables. */
    public static final String PENDING_COMMITTABLES = "pending-committables";

    private final TwoPhaseCommitSink<Object, Object> sink;
    private final Configuration configuration;
    private final PendingCommittableCodec<Object> stateCodec;
    /** Pre-committed, not yet committed committables, by the checkpoint that pre-committed them. */
    private final NavigableMap<Long, List<Object>> pending = new TreeMap<>();
    private OptionalLong restoredCheckpointId = OptionalLong.empty();
    /** The committables of the restored checkpoint, until they are committed at open; {@code null}: no restore. */
    private List<Object> restoredCommittables;
    private WriterContext writerContext;
    private PrecommittingSinkWriter<Object, Object> writer;
    private Committer<Object> committer;
    private boolean inputEnded;

    @SuppressWarnings("unchecked")
    public TwoPhaseCommitSinkOperator(TwoPhaseCommitSink<?, ?> sink, Configuration configuration) {
        this.sink = (TwoPhaseCommitSink<Object, Object>) sink;
        this.configuration = configuration;
        this.stateCodec = new PendingCommittableCodec<>(this.sink.committableCodec());
    }

    /**
     * The id of the checkpoint being restored; call it before {@link #open} on a restore, so that the
     * writer can tell leftovers from transactions the checkpoint holds
     * ({@link WriterContext#restoredCheckpointId()}). Without it a writer may have to leave leftovers.
     */
    public void restoredFromCheckpoint(long checkpointId) {
        this.restoredCheckpointId = OptionalLong.of(checkpointId);
    }

    @Override
    public void initializeState(OperatorListState state, boolean restored) {
        if (!restored) {
            return;
        }
        List<Object> committables = new ArrayList<>();
        for (Pending<Object> p : state.get(PENDING_COMMITTABLES, stateCodec)) {
            committables.add(p.committable());
        }
        this.restoredCommittables = committables;
    }

    @Override
    protected void doOpen() throws Exception {
        writerContext = new SubtaskWriterContext(context.subtaskIndex(), context.parallelism(), configuration,
                restoredCheckpointId);
        writer = sink.createWriter(writerContext);
        committer = sink.createCommitter(writerContext);
        if (restoredCommittables != null) {
            List<Object> committed = restoredCommittables;
            restoredCommittables = null;
            commitRestored(committed);
            try {
                writer.abortLeftovers(committed);
            } catch (Exception e) {
                throw fail("aborting leftover transactions after the restore failed", e);
            }
        }
    }

    private void commitRestored(List<Object> committables) {
        if (committables.isEmpty()) {
            return;
        }
        try {
            committer.commit(committables);
        } catch (Exception e) {
            throw fail("committing the " + committables.size() + " committable(s) of the restored checkpoint "
                    + describe(restoredCheckpointId) + " failed", e);
        }
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        try {
            writer.write(value, timestamp);
        } catch (Exception e) {
            throw fail("sink writer failed", e);
        }
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
    }

    @Override
    public void snapshotState(long checkpointId, OperatorListState out) {
        if (!inputEnded) {
            preCommit(checkpointId);
            afterPreCommit(checkpointId);
        } else {
            // the final checkpoint (every task reached the end of its input): the end-of-input transaction,
            // pre-committed at endInput, now belongs to it and is committed on its completion notification
            List<Object> last = pending.remove(Long.MAX_VALUE);
            if (last != null) {
                pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(last);
            }
        }
        List<Pending<Object>> all = new ArrayList<>();
        pending.forEach((id, committables) -> committables.forEach(c -> all.add(new Pending<>(id, c))));
        out.put(PENDING_COMMITTABLES, stateCodec, all);
    }

    private void preCommit(long checkpointId) {
        List<Object> committables;
        try {
            committables = writer.prepareCommit(checkpointId);
        } catch (Exception e) {
            throw fail("pre-commit of checkpoint " + describe(checkpointId) + " failed", e);
        }
        if (!committables.isEmpty()) {
            pending.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(committables);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        NavigableMap<Long, List<Object>> due = pending.headMap(checkpointId, true);
        if (due.isEmpty()) {
            return;
        }
        List<Object> committables = new ArrayList<>();
        due.values().forEach(committables::addAll);
        beforeCommit(checkpointId);
        try {
            if (committer != null) {
                committer.commit(committables);
            } else {
                commitAfterClose(committables);
            }
        } catch (Exception e) {
            throw fail("commit of checkpoint " + describe(checkpointId) + " (" + committables.size()
                    + " committable(s)) failed", e);
        }
        afterCommitBeforeForget(checkpointId);
        due.clear();
    }

    /** The end-of-job commit arrives once the task has closed the operator: a short-lived committer. */
    private void commitAfterClose(List<Object> committables) throws Exception {
        if (writerContext == null) {
            throw new IllegalStateException("the sink was never opened, yet it has pending committables");
        }
        try (Committer<Object> late = sink.createCommitter(writerContext)) {
            late.commit(committables);
        }
    }

    @Override
    public void endInput() {
        inputEnded = true;
        try {
            writer.flush(true);
        } catch (Exception e) {
            throw fail("sink writer flush at end of input failed", e);
        }
        preCommit(Long.MAX_VALUE);
        afterPreCommit(Long.MAX_VALUE);
    }

    @Override
    protected void doClose() throws Exception {
        Exception first = null;
        for (AutoCloseable c : new AutoCloseable[]{writer, committer}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        writer = null;
        committer = null;
        if (first != null) {
            throw first;
        }
    }

    /** The checkpoint ids that still have pending committables, oldest first (for tests and metrics). */
    public Collection<Long> pendingCheckpoints() {
        return List.copyOf(pending.keySet());
    }

    // ---- fault-injection points ------------------------------------------------------------------

    /** Point "after pre-commit, before commit": the transaction is finished, the checkpoint not complete. */
    private void afterPreCommit(long checkpointId) {
        injectFault(FaultPoint.AFTER_PRECOMMIT, checkpointId);
    }

    /** Point "before commit": the checkpoint is complete, nothing of it committed yet. */
    private void beforeCommit(long checkpointId) {
        injectFault(FaultPoint.DURING_COMMIT, checkpointId);
    }

    /** Point "during commit": the committer has committed, the operator still holds the committables. */
    private void afterCommitBeforeForget(long checkpointId) {
        injectFault(FaultPoint.DURING_COMMIT, checkpointId);
    }

    private static String describe(long checkpointId) {
        return checkpointId == Long.MAX_VALUE ? "end-of-input" : Long.toString(checkpointId);
    }

    private static String describe(OptionalLong checkpointId) {
        return checkpointId.isPresent() ? describe(checkpointId.getAsLong()) : "(id unknown)";
    }

    /** The {@link WriterContext} of this subtask. */
    private record SubtaskWriterContext(int subtaskIndex, int parallelism, Configuration configuration,
                                        OptionalLong restoredCheckpointId) implements WriterContext {
    }
}
