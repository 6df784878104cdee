package io.weir.runtime.checkpoint;

import io.weir.api.metrics.CheckpointInfo;
import io.weir.spi.checkpoint.CheckpointStorage;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateFileHandle;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Coordinates aligned-barrier checkpoints, as Flink's {@code CheckpointCoordinator} with at most one
 * checkpoint in flight: triggers checkpoint {@code n} at the sources (through their split coordinators,
 * which snapshot the enumerator and mark the readers, who emit barrier {@code n}); collects every
 * tasklet's acknowledgement; when all have acknowledged it writes the metadata atomically through the
 * {@link CheckpointStorage}, and only then notifies every task that {@code n} is complete (sinks commit).
 * A checkpoint that a tasklet declines or that times out is aborted and its files deleted.
 *
 * <p>Periodic triggering follows the job's clock: interval, minimum pause between the end of one
 * checkpoint and the start of the next, timeout. No periodic checkpoint starts once a task has finished
 * its input. Once every task has, the job's supervisor takes the <em>final checkpoint</em>
 * ({@link #triggerFinal}, as Flink's FLIP-147): without barriers (nothing is in flight any more) every
 * source coordinator and every task snapshots at once; sinks put their final transactions into it, and
 * they commit them on its completion notification, only after its metadata is durable.
 *
 * <h2>Thread safety</h2>
 * Owned by the job's supervisor thread ({@link #tick}, {@link #trigger}, {@link #bind}); tasks and the
 * asynchronous snapshot threads use only the {@link CheckpointGateway} methods, which post to a lock-free
 * queue or read volatile fields.
 */
public final class CheckpointCoordinator implements CheckpointGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final int HISTORY = 1_000;

    /** How the coordinator reaches the running tasklets of the current attempt. */
    public interface Participants {
        /** Sends {@code command} to every source coordinator (to trigger) or every task (to notify or abort). */
        void sendToSourceCoordinators(TaskCommand command);

        void sendToTasks(TaskCommand command);

        /** How many tasklets acknowledge a checkpoint (tasks plus source coordinators). */
        int expectedAcks();

        /** Operator descriptions for the metadata: stable id -> (name, parallelism, max parallelism). */
        Map<String, int[]> operatorShapes();

        Map<String, String> operatorNames();
    }

    private final String jobName;
    private final CheckpointStorage storage;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final long minPauseMillis;
    private final int retained;
    private final LongSupplier clock;
    private final ExecutorService async;
    private final MpscUnboundedArrayQueue<SubtaskAck> inbox = new MpscUnboundedArrayQueue<>(256);
    private final List<CheckpointInfo> history = new ArrayList<>();
    private Participants participants;
    private BooleanSupplier allRunning = () -> true;
    private volatile Pending pending;
    private long nextId;
    private long lastEnd = Long.MIN_VALUE / 2;
    private long nextTrigger;
    private volatile List<CheckpointInfo> historySnapshot = List.of();

    public CheckpointCoordinator(String jobName, CheckpointStorage storage, Duration interval, Duration timeout,
                                 Duration minPause, int retained, LongSupplier clock, ExecutorService async,
                                 long firstCheckpointId) {
        this.jobName = jobName;
        this.storage = storage;
        this.intervalMillis = interval.toMillis();
        this.timeoutMillis = timeout.toMillis();
        this.minPauseMillis = minPause.toMillis();
        this.retained = retained;
        this.clock = clock;
        this.async = async;
        this.nextId = firstCheckpointId;
        this.nextTrigger = clock.getAsLong() + intervalMillis;
    }

    /** Attaches the tasklets of a (new) attempt; aborts whatever was pending for the old one. */
    public void bind(Participants participants, BooleanSupplier allRunning) {
        if (pending != null) {
            abort(pending, "the job is restarting");
        }
        inbox.clear();
        this.participants = participants;
        this.allRunning = allRunning;
        this.nextTrigger = clock.getAsLong() + intervalMillis;
    }

    /** The storage (restore reads from it). */
    public CheckpointStorage storage() {
        return storage;
    }

    /** Triggers a checkpoint (or a savepoint into {@code savepointDirectory}) now, unless one is in flight. */
    public CompletableFuture<CheckpointInfo> trigger(boolean savepoint, String savepointDirectory) {
        CompletableFuture<CheckpointInfo> result = new CompletableFuture<>();
        if (participants != null && pending == null && !allRunning.getAsBoolean()) {
            result.completeExceptionally(new IllegalStateException(
                    "job '" + jobName + "': some tasks have finished their input; no more checkpoints are taken"));
            return result;
        }
        Pending p = begin(savepoint, savepointDirectory, false, result);
        if (p != null) {
            LOG.debug("job '{}': triggering {} {}", jobName, savepoint ? "savepoint" : "checkpoint", p.id);
            participants.sendToSourceCoordinators(new TaskCommand.Trigger(p.id, p.triggerTime, savepoint));
        }
        return result;
    }

    /**
     * Triggers the final checkpoint: every task has reached the end of its input, so no barrier is needed;
     * every source coordinator and every task is told to snapshot now. Completes (or fails) like any
     * checkpoint; its metadata is marked {@linkplain CheckpointMetadata#finished() finished}.
     */
    public CompletableFuture<CheckpointInfo> triggerFinal() {
        CompletableFuture<CheckpointInfo> result = new CompletableFuture<>();
        Pending p = begin(false, null, true, result);
        if (p != null) {
            LOG.debug("job '{}': triggering the final checkpoint {}", jobName, p.id);
            TaskCommand.Trigger trigger = new TaskCommand.Trigger(p.id, p.triggerTime, false);
            participants.sendToSourceCoordinators(trigger);
            participants.sendToTasks(trigger);
        }
        return result;
    }

    /**
     * Begins checkpoint {@code nextId} in the storage and makes it the pending one; or completes {@code result}
     * exceptionally (job not running, one in flight, storage failure, recorded as aborted) and returns null.
     */
    private Pending begin(boolean savepoint, String savepointDirectory, boolean finished,
                          CompletableFuture<CheckpointInfo> result) {
        if (participants == null) {
            result.completeExceptionally(new IllegalStateException("job '" + jobName + "' is not running"));
            return null;
        }
        if (pending != null) {
            result.completeExceptionally(new IllegalStateException("checkpoint " + pending.id
                    + " is still in flight (at most one at a time)"));
            return null;
        }
        long id = nextId++;
        long now = clock.getAsLong();
        PendingCheckpoint target;
        try {
            target = storage.begin(id, savepoint, savepointDirectory);
        } catch (Exception e) {
            result.completeExceptionally(e);
            record(new CheckpointInfo(id, savepoint, CheckpointInfo.Status.ABORTED, Duration.ZERO, 0, Duration.ZERO,
                    null, (finished ? "cannot begin the final checkpoint: " : "cannot begin: ") + e));
            return null;
        }
        Pending p = new Pending(id, savepoint, target, now, System.nanoTime(), participants.expectedAcks(), result);
        p.finished = finished;
        pending = p;
        return p;
    }

    /** Called often by the supervisor: collects acknowledgements, completes, times out, triggers periodically. */
    public void tick() {
        SubtaskAck ack;
        while ((ack = inbox.poll()) != null) {
            handle(ack);
        }
        long now = clock.getAsLong();
        Pending p = pending;
        if (p != null && timeoutMillis > 0 && now - p.triggerTime >= timeoutMillis) {
            abort(p, "timed out after " + timeoutMillis + " ms");
        }
        if (pending == null && intervalMillis > 0 && participants != null && now >= nextTrigger
                && now - lastEnd >= minPauseMillis && allRunning.getAsBoolean()) {
            nextTrigger = now + intervalMillis;
            trigger(false, null);
        }
    }

    private void handle(SubtaskAck ack) {
        Pending p = pending;
        if (p == null || ack.checkpointId() != p.id) {
            return; // late ack of an aborted checkpoint
        }
        if (ack.failure() != null) {
            abort(p, ack.tasklet() + " declined: " + ack.failure());
            return;
        }
        p.acks.put(ack.tasklet(), ack);
        p.alignment = Math.max(p.alignment, ack.alignmentNanos());
        if (p.acks.size() == p.expected) {
            complete(p);
        }
    }

    private void complete(Pending p) {
        CheckpointMetadata metadata = metadata(p);
        CompletedCheckpoint done;
        try {
            List<StateFileHandle> files = metadata.referencedFiles();
            done = p.target.complete(metadata.encode(), files);
        } catch (Exception e) {
            abort(p, "writing its metadata failed: " + e);
            return;
        }
        pending = null;
        lastEnd = clock.getAsLong();
        long bytes = metadata.referencedFiles().stream().mapToLong(StateFileHandle::size).sum();
        CheckpointInfo info = new CheckpointInfo(p.id, p.savepoint, CheckpointInfo.Status.COMPLETED,
                Duration.ofNanos(System.nanoTime() - p.startNanos), bytes, Duration.ofNanos(p.alignment),
                done.location(), null);
        record(info);
        LOG.debug("job '{}': {} {} complete at {} ({} bytes)", jobName, p.savepoint ? "savepoint" : "checkpoint",
                p.id, done.location(), bytes);
        if (!p.savepoint) {
            try {
                storage.prune(retained);
            } catch (Exception e) {
                LOG.warn("job '{}': pruning old checkpoints failed: {}", jobName, e.toString());
            }
        }
        // only now, with the metadata durable, may sinks make the checkpoint's output visible
        participants.sendToTasks(new TaskCommand.NotifyComplete(p.id));
        p.result.complete(info);
    }

    private CheckpointMetadata metadata(Pending p) {
        Map<String, List<CheckpointMetadata.SubtaskState>> subtasks = new LinkedHashMap<>();
        Map<String, List<byte[]>> enumerators = new HashMap<>();
        for (SubtaskAck ack : p.acks.values()) {
            for (SubtaskAck.OperatorPart part : ack.operators()) {
                if (part.enumeratorSplits() != null) {
                    enumerators.put(part.operatorId(), part.enumeratorSplits());
                } else {
                    subtasks.computeIfAbsent(part.operatorId(), k -> new ArrayList<>())
                            .add(new CheckpointMetadata.SubtaskState(part.subtask(), part.lists(), part.keyed()));
                }
            }
        }
        List<CheckpointMetadata.OperatorState> ops = new ArrayList<>();
        participants.operatorShapes().forEach((id, shape) -> {
            List<CheckpointMetadata.SubtaskState> states = subtasks.getOrDefault(id, List.of());
            List<CheckpointMetadata.SubtaskState> sorted = new ArrayList<>(states);
            sorted.sort((a, b) -> Integer.compare(a.subtask(), b.subtask()));
            ops.add(new CheckpointMetadata.OperatorState(id, participants.operatorNames().get(id), shape[0], shape[1],
                    sorted, enumerators.getOrDefault(id, List.of())));
        });
        return new CheckpointMetadata(p.id, p.triggerTime, p.savepoint, jobName, ops, p.finished);
    }

    private void abort(Pending p, String reason) {
        if (pending == p) {
            pending = null;
        }
        lastEnd = clock.getAsLong();
        p.target.abort();
        LOG.info("job '{}': {} {} aborted: {}", jobName, p.savepoint ? "savepoint" : "checkpoint", p.id, reason);
        record(new CheckpointInfo(p.id, p.savepoint, CheckpointInfo.Status.ABORTED,
                Duration.ofNanos(System.nanoTime() - p.startNanos), 0, Duration.ofNanos(p.alignment), null, reason));
        if (participants != null) {
            participants.sendToTasks(new TaskCommand.Abort(p.id));
        }
        p.result.completeExceptionally(new IllegalStateException((p.savepoint ? "savepoint " : "checkpoint ") + p.id
                + " of job '" + jobName + "' was aborted: " + reason));
    }

    /** Aborts what is in flight (the job is failing or stopping). */
    public void abortPending(String reason) {
        Pending p = pending;
        if (p != null) {
            abort(p, reason);
        }
    }

    private void record(CheckpointInfo info) {
        history.add(info);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
        historySnapshot = List.copyOf(history);
    }

    /** The checkpoints of this job so far (any thread). */
    public List<CheckpointInfo> history() {
        return historySnapshot;
    }

    /** The id the next checkpoint will get. */
    public long nextCheckpointId() {
        return nextId;
    }

    // ---- CheckpointGateway ----------------------------------------------------------------------

    @Override
    public PendingCheckpoint pending(long checkpointId) {
        Pending p = pending;
        return p != null && p.id == checkpointId ? p.target : null;
    }

    @Override
    public void runAsync(Runnable task) {
        async.execute(task);
    }

    @Override
    public void acknowledge(SubtaskAck ack) {
        inbox.offer(ack);
    }

    @Override
    public void close() {
        abortPending("the job ended");
        async.shutdownNow();
        storage.close();
    }

    private static final class Pending {
        final long id;
        final boolean savepoint;
        final PendingCheckpoint target;
        final long triggerTime;
        final long startNanos;
        final int expected;
        final CompletableFuture<CheckpointInfo> result;
        final Map<String, SubtaskAck> acks = new HashMap<>();
        long alignment;
        /** The final checkpoint (every task had reached the end of its input). */
        boolean finished;

        Pending(long id, boolean savepoint, PendingCheckpoint target, long triggerTime, long startNanos, int expected,
                CompletableFuture<CheckpointInfo> result) {
            this.id = id;
            this.savepoint = savepoint;
            this.target = target;
            this.triggerTime = triggerTime;
            this.startNanos = startNanos;
            this.expected = expected;
            this.result = result;
        }
    }
}
