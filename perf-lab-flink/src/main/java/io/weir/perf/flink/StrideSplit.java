package io.weir.perf.flink;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The event indexes {@code next, next + stride, ...} below {@code end}: split {@code k} of {@code p} starts at
 * {@code k} with stride {@code p}, as Weir's datagen splits do, so that every subtask's event time advances at the
 * same pace (contiguous ranges would put one subtask's events far in the future of another's).
 *
 * @param id     the split's number, {@code 0 <= id < stride}
 * @param next   the next index to emit
 * @param stride the distance between two indexes of this split, {@code >= 1}
 * @param end    the exclusive bound of the indexes
 */
public record StrideSplit(int id, long next, int stride, long end) implements SourceSplit {

    @Override
    public String splitId() {
        return Integer.toString(id);
    }

    /** This split, resumed at {@code position}. */
    public StrideSplit at(long position) {
        return new StrideSplit(id, position, stride, end);
    }
}
