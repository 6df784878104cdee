package io.weir.runtime.task;

import io.weir.api.config.Configuration;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.operators.OperatorException;
import io.weir.runtime.operators.Output;
import io.weir.runtime.source.SourceCoordinator;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;

import java.util.List;

/**
 * A task whose chain starts with a source: drives the source's {@link SplitReader} without blocking,
 * passes split assignments from the {@link SourceCoordinator} to it, and stops reading while
 * downstream channels are full. At the end of a bounded input it emits the final watermark
 * ({@code Long.MAX_VALUE}, as Flink does) and end-of-input.
 */
public final class SourceTask extends StreamTask implements SourceOutput<Object>, ReaderContext {
    private final String sourceName;
    private final SplitSource<Object, SourceSplit> source;
    private final SourceCoordinator coordinator;
    private final int parallelism;
    private final Configuration configuration;
    private final Output head;
    private SplitReader<Object, SourceSplit> reader;
    private long recordsOut;
    private String operatorId;
    private List<SourceSplit> restoredSplits = List.of();

    @SuppressWarnings("unchecked")
    public SourceTask(String name, String sourceName, int subtask, int parallelism, OperatorChain chain,
                      SplitSource<?, ?> source, SourceCoordinator coordinator, Configuration configuration) {
        super(name, subtask, chain);
        this.sourceName = sourceName;
        this.source = (SplitSource<Object, SourceSplit>) source;
        this.coordinator = coordinator;
        this.parallelism = parallelism;
        this.configuration = configuration;
        this.head = chain.head();
    }

    /** Sets the source's stable id and the splits restored from a checkpoint (before the task starts). */
    public void restore(String operatorId, List<? extends SourceSplit> splits) {
        this.operatorId = operatorId;
        this.restoredSplits = List.copyOf(splits);
    }

    @Override
    protected void initInput() {
        try {
            reader = source.createReader(this);
            if (!restoredSplits.isEmpty()) {
                reader.addSplits(restoredSplits);
            }
            reader.start();
        } catch (RuntimeException e) {
            throw new OperatorException(sourceName, subtask, "source reader failed to start", e);
        }
    }

    @Override
    protected boolean processInput() {
        boolean progress = deliverAssignments();
        long before = recordsOut;
        ReadStatus status = ReadStatus.MORE_AVAILABLE;
        try {
            for (int polls = 0; polls < CALL_BUDGET; polls++) {
                if ((polls & 15) == 0 && !chain.hasCapacity()) {
                    break;
                }
                if (faults != null) {
                    inject(io.weir.runtime.fault.FaultPoint.SOURCE_READ, recordsOut);
                }
                status = reader.pollNext(this);
                if (status != ReadStatus.MORE_AVAILABLE) {
                    break;
                }
            }
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(sourceName, subtask, "source reader failed", e);
        }
        if (status == ReadStatus.END_OF_INPUT) {
            head.emitWatermark(Long.MAX_VALUE);
            endOfInput();
            return true;
        }
        return progress || recordsOut != before;
    }

    private boolean deliverAssignments() {
        boolean any = false;
        Object next;
        while ((next = coordinator.pollAssignment(subtask)) != null) {
            any = true;
            if (next == SourceCoordinator.NO_MORE_SPLITS) {
                reader.notifyNoMoreSplits();
            } else if (next instanceof SourceCoordinator.CheckpointMarker marker) {
                checkpoint(marker);
            } else {
                reader.addSplits(List.of((SourceSplit) next));
            }
        }
        return any;
    }

    /** Snapshots the reader's splits and takes this task's part of the checkpoint; the barrier goes downstream. */
    private void checkpoint(SourceCoordinator.CheckpointMarker marker) {
        io.weir.runtime.checkpoint.OperatorListState splits = new io.weir.runtime.checkpoint.OperatorListState();
        splits.put("splits", coordinator.splitCodec(), reader.snapshotState(marker.checkpointId()));
        var part = new io.weir.runtime.checkpoint.SubtaskAck.OperatorPart(operatorId, subtask, splits.encoded(), null, null);
        performCheckpoint(new io.weir.runtime.element.CheckpointBarrier(marker.checkpointId(), marker.timestamp(),
                marker.savepoint()), 0, List.of(part));
    }

    /** At the end of its input the reader has no split left: the final checkpoint records none. */
    @Override
    protected List<io.weir.runtime.checkpoint.SubtaskAck.OperatorPart> finalSnapshotParts() {
        io.weir.runtime.checkpoint.OperatorListState splits = new io.weir.runtime.checkpoint.OperatorListState();
        splits.put("splits", coordinator.splitCodec(), List.of());
        return List.of(new io.weir.runtime.checkpoint.SubtaskAck.OperatorPart(operatorId, subtask, splits.encoded(),
                null, null));
    }

    @Override
    protected void closeInput() {
        if (reader != null) {
            try {
                reader.close();
            } catch (Exception e) {
                throw new OperatorException(sourceName, subtask, "source reader failed to close", e);
            }
        }
    }

    // ---- SourceOutput ----------------------------------------------------------------------

    @Override
    public void collect(Object record) {
        collect(record, StreamElement.NO_TIMESTAMP);
    }

    @Override
    public void collect(Object record, long timestamp) {
        if (record == null) {
            throw new OperatorException(sourceName, subtask, "source emitted null",
                    new NullPointerException("streams carry no nulls"));
        }
        recordsOut++;
        head.emit(record, timestamp);
    }

    // ---- ReaderContext ---------------------------------------------------------------------

    @Override
    public int subtaskIndex() {
        return subtask;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public void sendSplitRequest() {
        coordinator.requestSplit(subtask);
    }

    @Override
    public List<io.weir.api.metrics.OperatorMetrics> metrics() {
        var m = new java.util.ArrayList<io.weir.api.metrics.OperatorMetrics>();
        m.add(new io.weir.api.metrics.OperatorMetrics(sourceName, subtask, 0, recordsOut));
        m.addAll(super.metrics());
        return m;
    }
}
