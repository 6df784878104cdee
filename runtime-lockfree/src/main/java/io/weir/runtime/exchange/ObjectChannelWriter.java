package io.weir.runtime.exchange;

import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.StreamElement;
import org.jctools.queues.SpscArrayQueue;

/**
 * The producer side of a {@link SpscObjectChannel}: appends references to the current
 * {@link ObjectBatch} and publishes it when full, on a control event, or on {@link #flush()}.
 * Batches come from the recycle queue; a new one is allocated only when none has come back yet.
 *
 * <h2>Thread safety</h2>
 * Producer thread only (see {@link PendingBatchWriter} for the published counter).
 */
final class ObjectChannelWriter extends PendingBatchWriter<ObjectBatch> {

    private final SpscObjectChannel channel;
    private final SpscArrayQueue<ObjectBatch> batches;
    private final SpscArrayQueue<ObjectBatch> recycled;
    private final int batchSize;
    private ObjectBatch current;
    private Object[] values;
    private long[] timestamps;
    private int count;
    /** Batches this writer had to create because none had come back yet (tests, diagnostics). */
    private int allocatedBatches;

    ObjectChannelWriter(SpscObjectChannel channel, SpscArrayQueue<ObjectBatch> batches,
                        SpscArrayQueue<ObjectBatch> recycled, int batchSize) {
        this.channel = channel;
        this.batches = batches;
        this.recycled = recycled;
        this.batchSize = batchSize;
        startBatch();
    }

    @Override
    public void writeRecord(Object value, long timestamp) {
        int n = count;
        values[n] = value;
        timestamps[n] = timestamp;
        count = ++n;
        if (n == batchSize) {
            publishCurrent();
        }
    }

    @Override
    public void writeControl(ControlEvent event) {
        int n = count;
        values[n] = event;
        timestamps[n] = StreamElement.NO_TIMESTAMP;
        count = n + 1;
        publishCurrent();
    }

    @Override
    public boolean flush() {
        channel.checkOpen();
        if (!drainPending()) {
            return false;
        }
        if (count == 0) {
            return true;
        }
        current.size = count;
        if (!offer(current)) {
            return false; // keep filling the same batch: no tiny batches while the consumer is behind
        }
        addPublishedRelease(count);
        startBatch();
        return true;
    }

    @Override
    boolean offer(ObjectBatch batch) {
        return batches.offer(batch);
    }

    @Override
    int elementCount(ObjectBatch batch) {
        return batch.size;
    }

    /** Producer thread: batches created so far; constant in steady state. */
    int allocatedBatches() {
        return allocatedBatches;
    }

    private void publishCurrent() {
        channel.checkOpen();
        current.size = count;
        publish(current);
        startBatch();
    }

    private void startBatch() {
        ObjectBatch batch = recycled.poll();
        if (batch == null) {
            batch = new ObjectBatch(batchSize);
            allocatedBatches++;
        }
        current = batch;
        values = batch.values;
        timestamps = batch.timestamps;
        count = 0;
    }
}
