package io.weir.api.graph;

import io.weir.api.annotation.Internal;
import io.weir.api.connector.Source;

import java.util.List;

/** A source of records. */
@Internal
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T> source;

    public SourceTransformation(int id, String name, Source<T> source, Class<?> outputType) {
        super(id, name, outputType);
        this.source = source;
    }

    public Source<T> source() {
        return source;
    }

    @Override
    public List<Transformation<?>> inputs() {
        return List.of();
    }
}
