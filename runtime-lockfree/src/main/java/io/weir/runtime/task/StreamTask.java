package io.weir.runtime.task;

import io.weir.api.metrics.OperatorMetrics;
import io.weir.api.time.Clock;
import io.weir.runtime.checkpoint.SubtaskAck;
import io.weir.runtime.checkpoint.SubtaskCheckpointer;
import io.weir.runtime.checkpoint.TaskCommand;
import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.operators.StreamOperator;
import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.Tasklet;
import org.jctools.queues.MpscArrayQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * One subtask of a vertex, as a tasklet: opens its chain in {@link #init()}, then does bounded work per
 * {@link #call()}. Commands from the job's supervisor (checkpoint complete or aborted) arrive through a
 * lock-free queue and run at the start of a call.
 *
 * <p>End of input: the chain emits what it holds, end-of-input goes downstream, and once every outgoing
 * channel took it the task reports that it reached the end and waits: its sinks' last transaction may be
 * committed only when the whole job has finished (else a failure elsewhere would replay and duplicate
 * it). With checkpoints enabled the supervisor then takes the final checkpoint (FLIP-147): the task gets
 * a {@link TaskCommand.Trigger} and snapshots its operators at once (sinks put their final transactions
 * into it), then its {@code NotifyComplete} (sinks commit). Last comes {@code NotifyComplete(Long.MAX_VALUE)}
 * (without checkpoints, the one commit of the final transactions); the task lets its operators commit,
 * closes its chain and reports {@link ProgressState#DONE}. A task restored from a final checkpoint
 * ({@link #restoreFinished}) opens its chain (sinks commit the restored committables), reads nothing and
 * reports at once that it reached the end.
 *
 * <h2>Thread safety</h2>
 * Single-threaded (the scheduler's contract); {@link #post}, the watchdog counters and the metrics are
 * used from other threads.
 */
public abstract class StreamTask implements Tasklet, Monitored {
    /** Records (or reader polls) handled per call at most, so that a call stays short. */
    protected static final int CALL_BUDGET = 4096;

    protected final String name;
    protected final int subtask;
    protected final OperatorChain chain;
    private final MpscArrayQueue<TaskCommand> commands = new MpscArrayQueue<>(256);
    private volatile long calls;
    private volatile boolean inCall;
    private volatile boolean finished;
    private volatile boolean endReached;
    private volatile long lastNotifiedCheckpoint = -1;
    private boolean ending;
    private boolean closed;
    private boolean finalCommitReceived;
    private boolean restoredFinished;
    private Runnable finishListener = () -> { };
    private Runnable endListener = () -> { };
    private Clock clock = Clock.system();
    protected SubtaskCheckpointer checkpointer;
    protected FaultInjector faults;

    protected StreamTask(String name, int subtask, OperatorChain chain) {
        this.name = name;
        this.subtask = subtask;
        this.chain = chain;
    }

    /** Sets the processing-time clock (before the task starts). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /** Enables checkpoints for this task (before it starts). */
    public void setCheckpointer(SubtaskCheckpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    /**
     * The task is restored from a final checkpoint (before it starts): it opens its chain but reads no input
     * and reaches the end at its first call, sending nothing downstream.
     */
    public void restoreFinished() {
        this.restoredFinished = true;
    }

    /** Sets the fault injector of tests (before it starts); {@code null} = none. */
    public void setFaultInjector(FaultInjector faults) {
        this.faults = faults;
    }

    @Override
    public String name() {
        return name;
    }

    public int subtask() {
        return subtask;
    }

    /** Sends a command to the task (any thread); it runs at the task's next call. */
    public void post(TaskCommand command) {
        if (!commands.offer(command)) {
            throw new IllegalStateException("task " + name + ": command queue full");
        }
    }

    @Override
    public void init() {
        chain.open();
        if (!restoredFinished) {
            initInput();
        }
    }

    @Override
    public final ProgressState call() {
        calls++;
        inCall = true;
        try {
            if (finished) {
                return ProgressState.DONE;
            }
            boolean commanded = drainCommands();
            if (restoredFinished && !endReached) {
                endReached = true;
                endListener.run();
                return ProgressState.MADE_PROGRESS;
            }
            if (endReached) {
                return finalCommitReceived ? finish() : (commanded ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS);
            }
            if (ending) {
                return endIfFlushed();
            }
            boolean drained = false;
            if (!chain.hasCapacity()) {
                // batches are pending: moving some of them is progress (the consumer is taking them), so the
                // worker calls again at once instead of idling before each refill of the channel
                long published = chain.published();
                if (!chain.flush()) {
                    return chain.published() != published ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
                }
                drained = true;
            } else if (!chain.flush()) {
                return ProgressState.NO_PROGRESS;
            }
            if (chain.usesProcessingTime()) {
                chain.onProcessingTime(clock.currentTimeMillis());
            }
            boolean progress = processInput() | commanded | drained;
            if (ending) {
                return endIfFlushed();
            }
            if (faults != null) {
                inject(FaultPoint.CHANNEL_HANDOFF, calls);
            }
            chain.flush();
            return progress ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
        } finally {
            inCall = false;
        }
    }

    private boolean drainCommands() {
        boolean any = false;
        TaskCommand command;
        while ((command = commands.poll()) != null) {
            any = true;
            switch (command) {
                case TaskCommand.NotifyComplete n -> {
                    if (n.checkpointId() == Long.MAX_VALUE) {
                        finalCommitReceived = true;
                    } else {
                        notifyComplete(n.checkpointId());
                    }
                }
                case TaskCommand.Abort a -> onCheckpointAborted(a.checkpointId());
                case TaskCommand.Trigger t -> snapshotFinal(t);
            }
        }
        return any;
    }

    private void notifyComplete(long checkpointId) {
        for (StreamOperator op : chain.operators()) {
            op.notifyCheckpointComplete(checkpointId);
        }
        lastNotifiedCheckpoint = checkpointId;
    }

    /** The last checkpoint whose completion this task's operators were told of. */
    public long lastNotifiedCheckpoint() {
        return lastNotifiedCheckpoint;
    }

    /**
     * Takes this task's part of the final checkpoint: no barrier (nothing is in flight any more), the
     * operators snapshot at once; the asynchronous part and the acknowledgement follow as for any checkpoint.
     */
    private void snapshotFinal(TaskCommand.Trigger trigger) {
        if (!endReached || checkpointer == null) {
            throw new IllegalStateException("task " + name + ": only the final checkpoint is triggered by a command, "
                    + "once the input has ended and with checkpoints enabled (checkpoint " + trigger.checkpointId() + ")");
        }
        inject(FaultPoint.BEFORE_SNAPSHOT, trigger.checkpointId());
        checkpointer.checkpoint(trigger.checkpointId(), false, 0, finalSnapshotParts());
        inject(FaultPoint.AFTER_SNAPSHOT, trigger.checkpointId());
    }

    /** Parts the task adds to the final checkpoint itself (a source: its reader has no splits left). */
    protected List<SubtaskAck.OperatorPart> finalSnapshotParts() {
        return List.of();
    }

    /** Opens the input side (readers); called on the task's thread after the chain opened. */
    protected void initInput() {
    }

    /** Reads a bounded amount of input into the chain; calls {@link #endOfInput()} when it is over. */
    protected abstract boolean processInput();

    /** A checkpoint was aborted: forget any alignment for it. */
    protected void onCheckpointAborted(long checkpointId) {
    }

    /**
     * Takes this task's part of checkpoint {@code barrier}: forwards the barrier downstream, then the
     * synchronous snapshot of its operators; the asynchronous part and the acknowledgement follow off the
     * data path.
     */
    protected final void performCheckpoint(CheckpointBarrier barrier, long alignmentNanos, List<SubtaskAck.OperatorPart> extra) {
        inject(FaultPoint.BEFORE_SNAPSHOT, barrier.checkpointId());
        chain.broadcastControl(barrier);
        checkpointer.checkpoint(barrier.checkpointId(), barrier.savepoint(), alignmentNanos, extra);
        inject(FaultPoint.AFTER_SNAPSHOT, barrier.checkpointId());
    }

    protected final void inject(FaultPoint point, long checkpointId) {
        if (faults != null) {
            faults.at(point, name, subtask, checkpointId);
        }
    }

    /** The input is over: flush the chain and send end-of-input downstream. */
    protected final void endOfInput() {
        chain.endInput();
        chain.broadcastControl(EndOfInput.INSTANCE);
        ending = true;
    }

    private ProgressState endIfFlushed() {
        if (!chain.flush()) {
            return ProgressState.NO_PROGRESS;
        }
        endReached = true;
        endListener.run();
        return ProgressState.MADE_PROGRESS;
    }

    private ProgressState finish() {
        notifyComplete(Long.MAX_VALUE);
        closeChain();
        finished = true;
        finishListener.run();
        return ProgressState.DONE;
    }

    /** Runs {@code listener} on the task's thread when its input has ended and everything went downstream. */
    public void onEndReached(Runnable listener) {
        this.endListener = listener;
    }

    /** Runs {@code listener} on the task's thread right after the task finished (before DONE is returned). */
    public void onFinished(Runnable listener) {
        this.finishListener = listener;
    }

    /** Closes the chain and the input once; safe to call from the supervisor after the task's thread stopped. */
    public final void closeChain() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeInput();
        } finally {
            chain.close();
        }
    }

    /** Releases the input side (readers). */
    protected void closeInput() {
    }

    /** {@code true} once the input has ended and everything was sent downstream. */
    public boolean endReached() {
        return endReached;
    }

    @Override
    public long calls() {
        return calls + chain.progress().ticks(); // progress inside a long call counts as being called
    }

    @Override
    public boolean inCall() {
        return inCall;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /** The chain (restore, tests). */
    public OperatorChain chain() {
        return chain;
    }

    /** Per-operator counters of this subtask. */
    public List<OperatorMetrics> metrics() {
        List<OperatorMetrics> m = new ArrayList<>();
        for (StreamOperator op : chain.operators()) {
            if (op.context() != null) {
                m.add(new OperatorMetrics(op.context().operatorName(), subtask, op.recordsIn(), op.recordsOut(),
                        op.lateRecordsDropped()));
            }
        }
        return m;
    }
}
