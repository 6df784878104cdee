package io.weir.perf.flink;

import java.io.Serializable;

/**
 * The index of the event a result's latency is measured from: for a stateless result, the event it came from;
 * for a window result, the event whose watermark fired the window ({@link WatermarkIndex#closingIndex}).
 *
 * @param <T> result type
 */
@FunctionalInterface
public interface ClosingIndex<T> extends Serializable {

    /** The index of the event that {@code result} is measured from. */
    long of(T result);

    /** For window results: the closing event of the windows ending at {@code windowEnd} (exclusive, epoch ms). */
    static long ofWindowEnd(long windowEnd) {
        WatermarkIndex watermarks = Probe.run().watermarks();
        return watermarks == null ? 0 : watermarks.closingIndex(windowEnd);
    }
}
