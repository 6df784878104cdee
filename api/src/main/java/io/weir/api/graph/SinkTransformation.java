package io.weir.api.graph;

import io.weir.api.annotation.Internal;
import io.weir.api.connector.Sink;

import java.util.List;

/** Writes records to a sink. */
@Internal
public final class SinkTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final Sink<? super T> sink;

    public SinkTransformation(int id, String name, Transformation<T> input, Sink<? super T> sink) {
        super(id, name, null);
        this.input = input;
        this.sink = sink;
    }

    public Transformation<T> input() {
        return input;
    }

    public Sink<? super T> sink() {
        return sink;
    }

    @Override
    public List<Transformation<?>> inputs() {
        return List.of(input);
    }
}
