package io.weir.api.datastream;

import io.weir.api.annotation.Stable;
import io.weir.api.graph.SinkTransformation;

/**
 * The end of a stream, returned by {@code sinkTo}: set the sink operator's name, uid and parallelism.
 *
 * @param <T> record type
 */
@Stable
public final class DataStreamSink<T> {
    private final SinkTransformation<T> transformation;

    public DataStreamSink(SinkTransformation<T> transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }

    /** The plan node behind this sink. */
    public SinkTransformation<T> transformation() {
        return transformation;
    }
}
