package io.weir.runtime.source;

import io.weir.api.codec.Codec;
import io.weir.api.config.Configuration;
import io.weir.runtime.checkpoint.CheckpointGateway;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.checkpoint.SubtaskAck;
import io.weir.runtime.checkpoint.TaskCommand;
import io.weir.runtime.task.Monitored;
import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.Tasklet;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitSource;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

import java.util.List;
import java.util.Map;

/**
 * Runs one source's {@link SplitEnumerator} as a tasklet of its own. Readers send split requests
 * through a multi-producer single-consumer queue; the coordinator answers each reader through a
 * single-producer single-consumer queue of splits (and a final "no more splits" marker). The enumerator
 * itself only ever runs on the coordinator's thread.
 *
 * <p>Checkpoints start here: on a trigger the coordinator snapshots the enumerator's unassigned splits
 * and then puts a {@link CheckpointMarker} into every reader's queue, behind every split assigned so
 * far. A reader that takes the marker snapshots its splits and emits the barrier. So every split is in
 * exactly one place in the checkpoint: assigned before the marker, it is in a reader's state; after it,
 * in the enumerator's.
 *
 * <h2>Thread safety</h2>
 * {@link #requestSplit} and {@link #post} are called from other threads; {@link #pollAssignment} from the
 * reader of that subtask only; everything else from the coordinator's tasklet thread.
 */
public final class SourceCoordinator implements Tasklet, Monitored {
    /** The marker a reader receives when no more splits will come. */
    public static final Object NO_MORE_SPLITS = new Object() {
        @Override
        public String toString() {
            return "NO_MORE_SPLITS";
        }
    };

    /** Tells a reader to take its part of checkpoint {@code checkpointId} now. */
    public record CheckpointMarker(long checkpointId, long timestamp, boolean savepoint) {
    }

    private final String name;
    private final String operatorId;
    private final SplitSource<?, SourceSplit> source;
    private final int parallelism;
    private final Configuration configuration;
    private final List<SourceSplit> restoredUnassigned;
    private final CheckpointGateway gateway;
    private final boolean checkpointing;
    private final MpscUnboundedArrayQueue<Integer> requests = new MpscUnboundedArrayQueue<>(64);
    private final MpscArrayQueue<TaskCommand> commands = new MpscArrayQueue<>(64);
    private final SpscUnboundedArrayQueue<Object>[] assignments;
    private final boolean[] finished;
    private int finishedCount;
    private SplitEnumerator<SourceSplit> enumerator;
    private volatile long calls;
    private volatile boolean inCall;
    private volatile boolean done;

    /**
     * @param restoredUnassigned the enumerator's splits from a checkpoint, or {@code null} on a fresh start
     * @param gateway            where checkpoint parts go; {@link CheckpointGateway#NONE} without checkpoints
     */
    @SuppressWarnings("unchecked")
    public SourceCoordinator(String name, String operatorId, SplitSource<?, ?> source, int parallelism,
                             Configuration configuration, List<? extends SourceSplit> restoredUnassigned,
                             CheckpointGateway gateway, boolean checkpointing) {
        this.name = name;
        this.operatorId = operatorId;
        this.source = (SplitSource<?, SourceSplit>) source;
        this.parallelism = parallelism;
        this.configuration = configuration;
        this.restoredUnassigned = restoredUnassigned == null ? null : List.copyOf(restoredUnassigned);
        this.gateway = gateway;
        this.checkpointing = checkpointing;
        this.assignments = new SpscUnboundedArrayQueue[parallelism];
        for (int i = 0; i < parallelism; i++) {
            assignments[i] = new SpscUnboundedArrayQueue<>(16);
        }
        this.finished = new boolean[parallelism];
    }

    /** Called by reader {@code subtask} (its own thread) to ask for work. */
    public void requestSplit(int subtask) {
        requests.offer(subtask);
    }

    /** The next split, {@link CheckpointMarker} or {@link #NO_MORE_SPLITS} for reader {@code subtask}, or {@code null}. */
    public Object pollAssignment(int subtask) {
        return assignments[subtask].poll();
    }

    /** Sends a command (a checkpoint trigger) to the coordinator; it runs at its next call. */
    public void post(TaskCommand command) {
        if (!commands.offer(command)) {
            throw new IllegalStateException(name + ": command queue full");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init() {
        Context ctx = new Context();
        enumerator = restoredUnassigned == null ? source.createEnumerator(ctx) : source.restoreEnumerator(ctx, restoredUnassigned);
        enumerator.start();
    }

    @Override
    public ProgressState call() {
        calls++;
        inCall = true;
        try {
            return step();
        } finally {
            inCall = false;
        }
    }

    private ProgressState step() {
        if (done) {
            return ProgressState.DONE;
        }
        int handled = 0;
        TaskCommand command;
        while ((command = commands.poll()) != null) {
            if (command instanceof TaskCommand.Trigger t) {
                trigger(t);
                handled++;
            }
        }
        Integer subtask;
        while (handled < 1024 && (subtask = requests.poll()) != null) {
            if (!finished[subtask]) {
                enumerator.handleSplitRequest(subtask);
            }
            handled++;
        }
        if (finishedCount == parallelism && !checkpointing) {
            enumerator.close();
            done = true;
            return ProgressState.DONE;
        }
        return handled > 0 ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
    }

    private void trigger(TaskCommand.Trigger t) {
        try {
            List<SourceSplit> unassigned = enumerator.snapshotState(t.checkpointId());
            OperatorListState encoded = new OperatorListState();
            encoded.put("splits", source.splitCodec(), unassigned);
            List<byte[]> splits = encoded.encoded().get("splits");
            gateway.acknowledge(new SubtaskAck(t.checkpointId(), name,
                    List.of(new SubtaskAck.OperatorPart(operatorId, 0, Map.of(), null, splits)), 0, null));
        } catch (RuntimeException e) {
            gateway.acknowledge(SubtaskAck.decline(t.checkpointId(), name, e));
            return;
        }
        CheckpointMarker marker = new CheckpointMarker(t.checkpointId(), t.timestamp(), t.savepoint());
        for (SpscUnboundedArrayQueue<Object> queue : assignments) {
            queue.offer(marker);
        }
    }

    /** Closes the enumerator if it is still open (job end). */
    public void closeEnumerator() {
        if (enumerator != null && !done) {
            done = true;
            enumerator.close();
        }
    }

    /** The split codec of the source. */
    public Codec<SourceSplit> splitCodec() {
        return source.splitCodec();
    }

    @Override
    public long calls() {
        return calls;
    }

    @Override
    public boolean inCall() {
        return inCall;
    }

    @Override
    public boolean isFinished() {
        return done;
    }

    private final class Context implements EnumeratorContext<SourceSplit> {
        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public Configuration configuration() {
            return configuration;
        }

        @Override
        public void assignSplit(SourceSplit split, int subtask) {
            check(subtask);
            if (finished[subtask]) {
                throw new IllegalStateException("split enumerator of " + name + " assigned a split to subtask "
                        + subtask + " after signalling it no more splits");
            }
            assignments[subtask].offer(split);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            check(subtask);
            if (!finished[subtask]) {
                finished[subtask] = true;
                finishedCount++;
                assignments[subtask].offer(NO_MORE_SPLITS);
            }
        }

        private void check(int subtask) {
            if (subtask < 0 || subtask >= parallelism) {
                throw new IllegalArgumentException("split enumerator of " + name + " addressed subtask " + subtask
                        + ", but the source has " + parallelism + " readers");
            }
        }
    }
}
