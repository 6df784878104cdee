package io.weir.runtime.checkpoint;

import io.weir.runtime.operators.StreamOperator;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.SnapshotWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes one task's part of a checkpoint: the synchronous part on the task's thread (every operator's list
 * state, a consistent capture of its keyed state), then the asynchronous part on the checkpoint I/O
 * thread (writing keyed state files), then the acknowledgement to the coordinator.
 *
 * <h2>Thread safety</h2>
 * {@link #checkpoint} runs on the task's thread; what it hands to the asynchronous part is no longer
 * touched by the task.
 */
public final class SubtaskCheckpointer {

    /** An operator of the task with its stable id. */
    public record OperatorRef(String operatorId, StreamOperator operator) {
    }

    private final String taskName;
    private final int subtask;
    private final List<OperatorRef> operators;
    private final CheckpointGateway gateway;

    public SubtaskCheckpointer(String taskName, int subtask, List<OperatorRef> operators, CheckpointGateway gateway) {
        this.taskName = taskName;
        this.subtask = subtask;
        this.operators = List.copyOf(operators);
        this.gateway = gateway;
    }

    /**
     * Snapshots every operator for {@code checkpointId} (synchronous part) and schedules the rest.
     *
     * @param extraParts parts the task adds itself (a source's reader splits), already encoded
     */
    public void checkpoint(long checkpointId, long alignmentNanos, List<SubtaskAck.OperatorPart> extraParts) {
        checkpoint(checkpointId, false, alignmentNanos, extraParts);
    }

    /** As above; a savepoint gets self-contained (full) keyed snapshots. */
    public void checkpoint(long checkpointId, boolean savepoint, long alignmentNanos, List<SubtaskAck.OperatorPart> extraParts) {
        List<Captured> captured = new ArrayList<>(operators.size());
        for (OperatorRef ref : operators) {
            OperatorListState lists = new OperatorListState();
            ref.operator().snapshotState(checkpointId, lists);
            var keyedState = ref.operator().context() == null ? null : ref.operator().context().keyedState();
            KeyedStateSnapshot keyed = keyedState == null ? null : keyedState.backend().snapshot(checkpointId);
            captured.add(new Captured(ref.operatorId(), lists.encoded(), keyed));
        }
        List<SubtaskAck.OperatorPart> extra = List.copyOf(extraParts);
        gateway.runAsync(() -> writeAndAcknowledge(checkpointId, savepoint, alignmentNanos, captured, extra));
    }

    private void writeAndAcknowledge(long checkpointId, boolean savepoint, long alignmentNanos, List<Captured> captured,
                                     List<SubtaskAck.OperatorPart> extra) {
        PendingCheckpoint target = gateway.pending(checkpointId);
        if (target == null) {
            return; // aborted meanwhile
        }
        try {
            List<SubtaskAck.OperatorPart> parts = new ArrayList<>(extra);
            for (Captured c : captured) {
                KeyedStateHandle handle = null;
                if (c.keyed() != null) {
                    String file = c.operatorId().replaceAll("[^A-Za-z0-9_.-]+", "_") + "-" + subtask + "-keyed";
                    handle = c.keyed().write(writer(target, file, savepoint));
                }
                parts.add(new SubtaskAck.OperatorPart(c.operatorId(), subtask, c.lists(), handle, null));
            }
            gateway.acknowledge(new SubtaskAck(checkpointId, taskName, parts, alignmentNanos, null));
        } catch (Exception | Error e) {
            gateway.acknowledge(SubtaskAck.decline(checkpointId, taskName, e));
        }
    }

    /** The storage of {@code target} as a backend sees it: own files, shared files, savepoint or not. */
    private static SnapshotWriter writer(PendingCheckpoint target, String prefix, boolean savepoint) {
        return new SnapshotWriter() {
            @Override
            public StateOutputStream createStateFile(String name) throws java.io.IOException {
                return target.createStateFile(prefix + "-" + name);
            }

            @Override
            public boolean savepoint() {
                return savepoint;
            }

            @Override
            public boolean supportsSharedFiles() {
                return !savepoint && target.supportsSharedFiles();
            }

            @Override
            public StateOutputStream createSharedStateFile(String name) throws java.io.IOException {
                return target.createSharedStateFile(name);
            }
        };
    }

    private record Captured(String operatorId, Map<String, List<byte[]>> lists, KeyedStateSnapshot keyed) {
    }
}
