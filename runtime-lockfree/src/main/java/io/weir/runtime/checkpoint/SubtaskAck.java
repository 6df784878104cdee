package io.weir.runtime.checkpoint;

import io.weir.spi.state.KeyedStateHandle;

import java.util.List;
import java.util.Map;

/**
 * What one tasklet reports for one checkpoint: the state of each of its operators (a task) or its
 * enumerator's splits (a source coordinator), or why it declined.
 *
 * @param checkpointId    the checkpoint
 * @param tasklet         the reporting tasklet's name
 * @param operators       the state of each operator it runs
 * @param alignmentNanos  how long the task waited for barrier alignment
 * @param failure         why the tasklet declined, or {@code null}
 */
public record SubtaskAck(long checkpointId, String tasklet, List<OperatorPart> operators, long alignmentNanos,
                         Throwable failure) {

    /**
     * The state of one operator subtask.
     *
     * @param operatorId       stable id
     * @param subtask          subtask index
     * @param lists            operator list state, encoded
     * @param keyed            keyed state handle, or {@code null}
     * @param enumeratorSplits for a source coordinator: unassigned splits, encoded; else {@code null}
     */
    public record OperatorPart(String operatorId, int subtask, Map<String, List<byte[]>> lists, KeyedStateHandle keyed,
                               List<byte[]> enumeratorSplits) {
    }

    /** A declining ack. */
    public static SubtaskAck decline(long checkpointId, String tasklet, Throwable cause) {
        return new SubtaskAck(checkpointId, tasklet, List.of(), 0, cause);
    }
}
