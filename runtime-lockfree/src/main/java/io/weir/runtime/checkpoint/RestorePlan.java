package io.weir.runtime.checkpoint;

import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.OperatorIds;
import io.weir.runtime.graph.OperatorNode;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.StateFileReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a completed checkpoint's state onto a (possibly rescaled) job graph, by stable operator id (uid):
 * keyed state moves with its key groups (a new subtask reads every old handle whose key-group range
 * overlaps its own); operator list state is kept per subtask when the parallelism is unchanged and
 * otherwise redistributed in even contiguous shares (Flink's round-robin split); a source's unassigned
 * splits go back to its enumerator. State of an operator the graph no longer has is an error naming it,
 * unless non-restored state is allowed.
 */
public final class RestorePlan {
    private final CompletedCheckpoint checkpoint;
    private final CheckpointMetadata metadata;
    private final Map<String, CheckpointMetadata.OperatorState> byId = new HashMap<>();
    private final boolean empty;

    private RestorePlan(CompletedCheckpoint checkpoint, CheckpointMetadata metadata) {
        this.checkpoint = checkpoint;
        this.metadata = metadata;
        this.empty = checkpoint == null;
        if (metadata != null) {
            for (CheckpointMetadata.OperatorState o : metadata.operators()) {
                byId.put(o.operatorId(), o);
            }
        }
    }

    /**
     * A restart with no completed checkpoint to restore: every operator counts as restored (so that
     * transactional sinks abort what the failed attempt left behind) but starts with empty state and
     * sources start from the beginning.
     */
    public static RestorePlan empty() {
        return new RestorePlan(null, null);
    }

    /** Validates {@code metadata} against {@code graph} and builds the plan. */
    public static RestorePlan of(CompletedCheckpoint checkpoint, CheckpointMetadata metadata, JobGraph graph,
                                 boolean allowNonRestoredState) {
        RestorePlan plan = new RestorePlan(checkpoint, metadata);
        Map<String, OperatorNode> nodes = new HashMap<>();
        for (OperatorNode n : graph.nodes()) {
            nodes.put(OperatorIds.of(n), n);
        }
        for (CheckpointMetadata.OperatorState o : metadata.operators()) {
            OperatorNode node = nodes.get(o.operatorId());
            boolean hasState = !o.enumeratorSplits().isEmpty() || o.subtasks().stream()
                    .anyMatch(s -> s.keyed() != null || s.lists().values().stream().anyMatch(l -> !l.isEmpty()));
            if (node == null) {
                if (hasState && !allowNonRestoredState) {
                    throw new IllegalArgumentException("the state of operator '" + o.name() + "' (id '" + o.operatorId()
                            + "') in " + checkpoint.location() + " matches no operator of job '" + graph.jobName()
                            + "': give the operator the same uid, or allow non-restored state "
                            + "(execution.savepoint.allow-non-restored-state)");
                }
                continue;
            }
            boolean keyed = o.subtasks().stream().anyMatch(s -> s.keyed() != null);
            if (keyed && o.maxParallelism() != node.maxParallelism()) {
                throw new IllegalArgumentException("operator " + node.label() + ": its keyed state in "
                        + checkpoint.location() + " has max parallelism " + o.maxParallelism() + " but the job now has "
                        + node.maxParallelism() + "; the number of key groups cannot change");
            }
        }
        return plan;
    }

    /**
     * {@code true} when the restored checkpoint is the final one of a job whose every task had reached the
     * end of its input: tasks open (sinks commit the restored committables) and end at once, reading nothing.
     */
    public boolean finished() {
        return !empty && metadata.finished();
    }

    /** The restored checkpoint's id. */
    public long checkpointId() {
        return empty ? -1 : metadata.checkpointId();
    }

    /** Where the checkpoint is. */
    public String location() {
        return empty ? "(no checkpoint: a restart from the beginning)" : checkpoint.location();
    }

    /** Opens the checkpoint's state files. */
    public StateFileReader reader() {
        if (empty) {
            return handle -> {
                throw new java.io.FileNotFoundException("no checkpoint to read " + handle.path() + " from");
            };
        }
        return checkpoint::openStateFile;
    }

    /** {@code true} when the checkpoint has state for operator {@code operatorId} (always, for an empty restart). */
    public boolean has(String operatorId) {
        return empty || byId.containsKey(operatorId);
    }

    /** The source's unassigned splits (encoded), or {@code null} when the checkpoint has none for it. */
    public List<byte[]> enumeratorSplits(String operatorId) {
        CheckpointMetadata.OperatorState o = byId.get(operatorId);
        return o == null ? null : o.enumeratorSplits();
    }

    /** The keyed state handles that overlap {@code range}. */
    public List<KeyedStateHandle> keyed(String operatorId, KeyGroupRange range) {
        CheckpointMetadata.OperatorState o = byId.get(operatorId);
        List<KeyedStateHandle> handles = new ArrayList<>();
        if (o != null) {
            for (CheckpointMetadata.SubtaskState s : o.subtasks()) {
                KeyedStateHandle h = s.keyed();
                if (h != null && h.range().first() <= range.last() && range.first() <= h.range().last()) {
                    handles.add(h);
                }
            }
        }
        return handles;
    }

    /** The operator list state of new subtask {@code subtask} out of {@code parallelism}. */
    public OperatorListState lists(String operatorId, int subtask, int parallelism) {
        CheckpointMetadata.OperatorState o = byId.get(operatorId);
        if (o == null) {
            return OperatorListState.empty();
        }
        if (o.parallelism() == parallelism) {
            for (CheckpointMetadata.SubtaskState s : o.subtasks()) {
                if (s.subtask() == subtask) {
                    return OperatorListState.of(s.lists());
                }
            }
            return OperatorListState.empty();
        }
        Map<String, List<byte[]>> all = new LinkedHashMap<>();
        for (CheckpointMetadata.SubtaskState s : o.subtasks()) {
            s.lists().forEach((name, elements) -> all.computeIfAbsent(name, k -> new ArrayList<>()).addAll(elements));
        }
        Map<String, List<byte[]>> share = new LinkedHashMap<>();
        all.forEach((name, elements) -> {
            int n = elements.size();
            int from = (int) ((long) n * subtask / parallelism);
            int to = (int) ((long) n * (subtask + 1) / parallelism);
            share.put(name, new ArrayList<>(elements.subList(from, to)));
        });
        return OperatorListState.of(share);
    }
}
