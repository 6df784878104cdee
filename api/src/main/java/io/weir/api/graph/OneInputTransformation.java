package io.weir.api.graph;

import io.weir.api.annotation.Internal;

import java.util.List;

/** An operator with one input, described by an {@link OperatorSpec}. */
@Internal
public final class OneInputTransformation<I, O> extends Transformation<O> {
    private final Transformation<I> input;
    private final OperatorSpec spec;

    public OneInputTransformation(int id, String name, Transformation<I> input, OperatorSpec spec, Class<?> outputType) {
        super(id, name, outputType);
        this.input = input;
        this.spec = spec;
    }

    public Transformation<I> input() {
        return input;
    }

    public OperatorSpec spec() {
        return spec;
    }

    @Override
    public List<Transformation<?>> inputs() {
        return List.of(input);
    }
}
