package io.weir.runtime.exchange;

import io.weir.runtime.element.ControlEvent;
import org.jctools.queues.SpscArrayQueue;

/**
 * The consumer side of a {@link SpscObjectChannel}: takes published batches in order, delivers their
 * elements, and returns each emptied batch to the producer through the recycle queue. A batch may
 * be delivered over several polls (limit, early stop).
 *
 * <h2>Thread safety</h2>
 * Consumer thread only; {@link #delivered()} may be read from any thread.
 */
final class ObjectChannelReader implements ChannelReader {

    private final SpscObjectChannel channel;
    private final SpscArrayQueue<ObjectBatch> batches;
    private final SpscArrayQueue<ObjectBatch> recycled;
    private final DeliveryCounter delivered = new DeliveryCounter();
    private ObjectBatch current;
    private int index;

    ObjectChannelReader(SpscObjectChannel channel, SpscArrayQueue<ObjectBatch> batches,
                        SpscArrayQueue<ObjectBatch> recycled) {
        this.channel = channel;
        this.batches = batches;
        this.recycled = recycled;
    }

    @Override
    public int poll(ElementHandler handler, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("poll limit must be > 0, but is " + limit);
        }
        channel.checkOpen();
        int total = 0;
        while (total < limit) {
            ObjectBatch batch = current;
            if (batch == null) {
                batch = batches.poll();
                if (batch == null) {
                    break;
                }
                current = batch;
                index = 0;
            }
            int start = index;
            int size = batch.size;
            int end = limit - total >= size - start ? size : start + (limit - total);
            Object[] values = batch.values;
            long[] timestamps = batch.timestamps;
            int i = start;
            boolean stop = false;
            try {
                while (i < end) {
                    Object value = values[i];
                    long timestamp = timestamps[i];
                    i++;
                    if (value instanceof ControlEvent event) {
                        if (!handler.onControl(event)) {
                            stop = true;
                            break;
                        }
                    } else {
                        handler.onRecord(value, timestamp);
                    }
                }
            } finally {
                total += i - start;
                delivered.addRelease(i - start);
                if (i == size) {
                    current = null;
                    recycle(batch);
                } else {
                    index = i;
                }
            }
            if (stop) {
                break;
            }
        }
        return total;
    }

    /** Elements delivered so far. */
    DeliveryCounter delivered() {
        return delivered;
    }

    private void recycle(ObjectBatch batch) {
        batch.clear();
        recycled.offer(batch); // when full (after a burst) the extra batch is left to the garbage collector
    }
}
