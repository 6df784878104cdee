package io.weir.api.graph;

import io.weir.api.annotation.Internal;

import java.util.List;

/** Says how records of the input are distributed to the next operator's subtasks. */
@Internal
public final class PartitionTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final Partitioning partitioning;

    public PartitionTransformation(int id, Transformation<T> input, Partitioning partitioning) {
        super(id, partitioning.name(), input.outputType());
        this.input = input;
        this.partitioning = partitioning;
    }

    public Transformation<T> input() {
        return input;
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    @Override
    public List<Transformation<?>> inputs() {
        return List.of(input);
    }

    @Override
    public boolean isVirtual() {
        return true;
    }
}
