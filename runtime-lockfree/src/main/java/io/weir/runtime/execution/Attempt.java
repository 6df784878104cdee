package io.weir.runtime.execution;

import io.weir.api.JobFailedException;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.checkpoint.CheckpointCoordinator;
import io.weir.runtime.checkpoint.TaskCommand;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.OperatorIds;
import io.weir.runtime.graph.OperatorNode;
import io.weir.runtime.source.SourceCoordinator;
import io.weir.runtime.task.StreamTask;
import io.weir.spi.scheduler.Scheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a job's tasks: the deployed plan, its scheduler and what its tasklets report. A restart
 * creates a new attempt; reports that reach an old attempt are ignored with it.
 *
 * <h2>Thread safety</h2>
 * Counters and the failure are written by task threads and read by the supervisor (atomics).
 */
final class Attempt implements CheckpointCoordinator.Participants {
    final int number;
    final PhysicalPlan physical;
    final JobGraph graph;
    final AtomicInteger ended = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicReference<JobFailedException> failure = new AtomicReference<>();
    final long restoredCheckpoint;
    Scheduler scheduler;
    Watchdog watchdog;
    boolean finalSent;
    /** Restored from the final checkpoint: its tasks read nothing; no second final checkpoint is taken. */
    boolean restoredFinished;
    /** The final checkpoint once triggered (every task reached the end of its input), else {@code null}. */
    CompletableFuture<CheckpointInfo> finalCheckpoint;
    private final Thread supervisor;

    Attempt(int number, PhysicalPlan physical, JobGraph graph, long restoredCheckpoint, Thread supervisor) {
        this.number = number;
        this.physical = physical;
        this.graph = graph;
        this.restoredCheckpoint = restoredCheckpoint;
        this.supervisor = supervisor;
        for (StreamTask t : physical.tasks()) {
            t.onEndReached(() -> {
                if (ended.incrementAndGet() == physical.tasks().size()) {
                    LockSupport.unpark(supervisor);
                }
            });
            t.onFinished(() -> {
                if (finished.incrementAndGet() == physical.tasks().size()) {
                    LockSupport.unpark(supervisor);
                }
            });
        }
    }

    /** Records the attempt's first failure and wakes the supervisor. */
    void fail(JobFailedException e) {
        if (failure.compareAndSet(null, e)) {
            LockSupport.unpark(supervisor);
        } else if (failure.get() != e) {
            failure.get().addSuppressed(e);
        }
    }

    int taskCount() {
        return physical.tasks().size();
    }

    /** {@code true} while no task has reached the end of its input (checkpoints may be taken). */
    boolean allRunning() {
        return ended.get() == 0 && failure.get() == null;
    }

    @Override
    public void sendToSourceCoordinators(TaskCommand command) {
        for (SourceCoordinator c : physical.coordinators()) {
            c.post(command);
        }
    }

    @Override
    public void sendToTasks(TaskCommand command) {
        for (StreamTask t : physical.tasks()) {
            t.post(command);
        }
    }

    @Override
    public int expectedAcks() {
        return physical.tasks().size() + physical.coordinators().size();
    }

    @Override
    public Map<String, int[]> operatorShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (OperatorNode n : graph.nodes()) {
            shapes.put(OperatorIds.of(n), new int[]{n.parallelism(), n.maxParallelism()});
        }
        return shapes;
    }

    @Override
    public Map<String, String> operatorNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (OperatorNode n : graph.nodes()) {
            names.put(OperatorIds.of(n), n.label());
        }
        return names;
    }
}
