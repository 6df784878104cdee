package io.weir.runtime.task;

import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;
import io.weir.runtime.exchange.ChannelWriter;
import io.weir.runtime.operators.Output;

/**
 * The network output of one producer subtask on one edge: picks the channel (consumer subtask) for each
 * record according to the edge's partitioning. Control events go to every channel.
 *
 * <h2>Thread safety</h2>
 * Single-threaded: the producing task's thread.
 */
public abstract sealed class RecordWriter implements Output
        permits Partitioners.Single, Partitioners.RoundRobin, Partitioners.Broadcast, Partitioners.ByKeyGroup,
        Partitioners.ByCustom {
    protected final ChannelWriter[] channels;

    protected RecordWriter(ChannelWriter[] channels) {
        if (channels.length == 0) {
            throw new IllegalArgumentException("a record writer needs at least one channel");
        }
        this.channels = channels;
    }

    @Override
    public final void emitWatermark(long watermark) {
        broadcastControl(new Watermark(watermark));
    }

    @Override
    public final void emitWatermarkStatus(boolean idle) {
        broadcastControl(idle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
    }

    /** Writes a control event to every channel, in order with the records before it. */
    public final void broadcastControl(ControlEvent event) {
        for (ChannelWriter c : channels) {
            c.writeControl(event);
        }
    }

    /** {@code true} when every channel can take more. */
    public final boolean hasCapacity() {
        for (ChannelWriter c : channels) {
            if (!c.hasCapacity()) {
                return false;
            }
        }
        return true;
    }

    /** Publishes partial batches; {@code true} when nothing is left pending on any channel. */
    /** Elements handed to the consumers so far, over every channel ({@link ChannelWriter#published()}). */
    public final long published() {
        long sum = 0;
        for (ChannelWriter c : channels) {
            sum += c.published();
        }
        return sum;
    }

    public final boolean flush() {
        boolean all = true;
        for (ChannelWriter c : channels) {
            all &= c.flush();
        }
        return all;
    }
}
