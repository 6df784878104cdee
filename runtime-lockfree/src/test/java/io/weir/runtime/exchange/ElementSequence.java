package io.weir.runtime.exchange;

import io.weir.runtime.element.CheckpointBarrier;
import io.weir.runtime.element.LatencyMarker;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.element.StreamRecord;
import io.weir.runtime.element.Watermark;
import io.weir.runtime.element.WatermarkStatus;

import java.util.SplittableRandom;

/**
 * A deterministic, seeded stream of elements: mostly records (Longs and Strings), with every kind of
 * control event mixed in. Two instances with the same seed produce the same sequence, so a consumer
 * can check what it receives without storing what was sent.
 */
final class ElementSequence {

    private final SplittableRandom random;
    private final boolean strings;
    private long index;

    ElementSequence(long seed, boolean strings) {
        this.random = new SplittableRandom(seed);
        this.strings = strings;
    }

    StreamElement next() {
        long i = index++;
        int dice = random.nextInt(1000);
        if (dice < 990) {
            Object value = strings && dice < 100 ? "s" + i : (Object) i;
            long timestamp = dice < 5 ? StreamElement.NO_TIMESTAMP : i * 3;
            return new StreamRecord(value, timestamp);
        }
        return switch (dice) {
            case 990, 991, 992, 993 -> new Watermark(i);
            case 994, 995 -> new CheckpointBarrier(i, i * 7, dice == 995);
            case 996, 997 -> new LatencyMarker(i, (int) (i % 17), (int) (i % 5));
            case 998 -> WatermarkStatus.IDLE;
            default -> WatermarkStatus.ACTIVE;
        };
    }

    /** Writes {@code element} to {@code writer}. */
    static void write(ChannelWriter writer, StreamElement element) {
        switch (element) {
            case StreamRecord r -> writer.writeRecord(r.value(), r.timestamp());
            case io.weir.runtime.element.ControlEvent c -> writer.writeControl(c);
        }
    }
}
