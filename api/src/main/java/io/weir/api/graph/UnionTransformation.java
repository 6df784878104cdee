package io.weir.api.graph;

import io.weir.api.annotation.Internal;

import java.util.List;

/** The union of several streams of the same type: no operator of its own. */
@Internal
public final class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<?>> inputs;

    public UnionTransformation(int id, List<Transformation<?>> inputs, Class<?> outputType) {
        super(id, "union", outputType);
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation<?>> inputs() {
        return inputs;
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
