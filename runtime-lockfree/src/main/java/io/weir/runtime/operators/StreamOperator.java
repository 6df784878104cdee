package io.weir.runtime.operators;

import io.weir.api.functions.KeySelector;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.state.KeyedStateManager;

/**
 * The runtime side of one plan node. Life: {@link #open} once, then records and watermarks, then
 * {@link #endInput()} once when every input has ended, then {@link #close()} (also on failure or
 * cancel, possibly without {@code endInput}). Exceptions from user code are wrapped in
 * {@link OperatorException}.
 *
 * <h2>Thread safety</h2>
 * Single-threaded: every call comes from the task's thread, except {@link #close()} after a failure,
 * which may come from the job's supervisor thread once the task's thread has stopped.
 */
public abstract class StreamOperator implements Output {
    protected OperatorContext context;
    protected Output output;
    protected long recordsIn;
    protected long recordsOut;
    protected long currentWatermark = Long.MIN_VALUE;
    private boolean opened;
    private boolean closed;
    private KeySelector<Object, Object> keySelector;
    private KeyedStateManager keyedState;
    private io.weir.runtime.fault.FaultInjector faults;
    private String taskName;

    /** Opens the operator (and the user function's {@code open}). */
    public final void open(OperatorContext context) {
        this.context = context;
        this.output = context.output();
        opened = true;
        try {
            doOpen();
        } catch (Exception e) {
            throw fail("open failed", e);
        }
    }

    /** Processes one record (the operator's input side). */
    public abstract void processRecord(Object value, long timestamp);

    /** Processes a watermark: by default remembers it and forwards it. */
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
        output.emitWatermark(watermark);
    }

    /** Processes a change of watermark status: by default forwards it. */
    public void processWatermarkStatus(boolean idle) {
        output.emitWatermarkStatus(idle);
    }

    /**
     * {@code true} when the operator wants {@link #onProcessingTime(long)} calls (processing-time timers,
     * periodic watermarks). Decided at open time.
     */
    public boolean usesProcessingTime() {
        return false;
    }

    /** Processing time has reached {@code now} (epoch ms, from the job's clock); called on every task call. */
    public void onProcessingTime(long now) {
    }

    // ---- checkpoints (keyed state is snapshotted and restored by the task, through the backend) ----

    /**
     * Restores the operator's list state, on the task's thread, before {@link #open}; {@code restored} is
     * {@code false} (and {@code state} empty) on a fresh start. On rescaling {@code state} holds an even
     * share of the elements of all former subtasks.
     */
    public void initializeState(OperatorListState state, boolean restored) {
    }

    /**
     * The synchronous part of checkpoint {@code checkpointId}, on the task's thread at the barrier: put the
     * operator's list state into {@code out}. What is put must not change afterwards.
     */
    public void snapshotState(long checkpointId, OperatorListState out) {
    }

    /** Checkpoint {@code checkpointId} is complete (its metadata is written), on the task's thread. */
    public void notifyCheckpointComplete(long checkpointId) {
    }

    /** Every input has ended: emit what is still buffered. */
    public void endInput() {
    }

    /** Closes the operator once; later calls do nothing. */
    public final void close() {
        if (closed || !opened) {
            return;
        }
        closed = true;
        try {
            doClose();
        } catch (Exception e) {
            throw fail("close failed", e);
        } finally {
            if (context != null && context.keyedState() != null) {
                context.keyedState().close();
            }
        }
    }

    protected void doOpen() throws Exception {
    }

    protected void doClose() throws Exception {
    }

    /** Emits to the main output, counting the record. */
    protected final void emitRecord(Object value, long timestamp) {
        if (value == null) {
            throw new OperatorException(context.operatorName(), context.subtaskIndex(), "null record",
                    new NullPointerException("a function emitted null; streams carry no nulls"));
        }
        recordsOut++;
        output.emit(value, timestamp);
    }

    /** Wraps a failure of user code with the operator's name and subtask. */
    protected final OperatorException fail(String what, Throwable cause) {
        if (cause instanceof OperatorException oe) {
            return oe;
        }
        String name = context == null ? getClass().getSimpleName() : context.operatorName();
        int subtask = context == null ? -1 : context.subtaskIndex();
        return new OperatorException(name, subtask, what, cause);
    }

    // ---- the operator as the chained output of its predecessor ------------------------------

    @Override
    public final void emit(Object value, long timestamp) {
        if (faults != null) {
            faults.at(io.weir.runtime.fault.FaultPoint.USER_FUNCTION, taskName, context.subtaskIndex(), recordsIn);
        }
        if (keySelector != null) {
            setCurrentKeyOf(value);
        }
        processRecord(value, timestamp);
    }

    /** Asks the test's fault injector, if any, whether to fail at {@code point}. */
    protected final void injectFault(io.weir.runtime.fault.FaultPoint point, long detail) {
        if (faults != null) {
            faults.at(point, taskName, context == null ? -1 : context.subtaskIndex(), detail);
        }
    }

    /** Sets the fault injector of tests ({@code null}: none) and the task name it reports. */
    public final void setFaultInjector(io.weir.runtime.fault.FaultInjector faults, String taskName) {
        this.faults = faults;
        this.taskName = taskName;
    }

    /**
     * For a plain operator (map, filter, process, sink) on a keyed stream: sets the key of each record as
     * the current key before processing it, so that its function's keyed state sees that key (as Flink
     * does for every operator after keyBy). Keyed operators that extract keys themselves don't need it.
     */
    @SuppressWarnings("unchecked")
    public final void setKeyContext(KeySelector<?, ?> selector, KeyedStateManager state) {
        this.keySelector = (KeySelector<Object, Object>) selector;
        this.keyedState = state;
    }

    private void setCurrentKeyOf(Object value) {
        try {
            keyedState.setCurrentKey(keySelector.getKey(value));
        } catch (Exception e) {
            throw fail("key selector failed", e);
        }
    }

    @Override
    public final void emitWatermark(long watermark) {
        processWatermark(watermark);
    }

    @Override
    public final void emitWatermarkStatus(boolean idle) {
        processWatermarkStatus(idle);
    }

    public long recordsIn() {
        return recordsIn;
    }

    public long recordsOut() {
        return recordsOut;
    }

    /** Late records this operator dropped (windows, interval joins); 0 for the others. */
    public long lateRecordsDropped() {
        return 0;
    }

    public OperatorContext context() {
        return context;
    }

    /** The timestamp as a user function sees it: {@code null} when the record has none. */
    protected static Long userTimestamp(long timestamp) {
        return timestamp == StreamElement.NO_TIMESTAMP ? null : timestamp;
    }
}
