package io.weir.api.graph;

import io.weir.api.annotation.Internal;
import io.weir.api.datastream.OutputTag;

import java.util.List;

/** Selects one side output of the input operator. */
@Internal
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
        super(id, "side-output:" + tag.id(), tag.type());
        this.input = input;
        this.tag = tag;
    }

    public Transformation<?> input() {
        return input;
    }

    public OutputTag<T> tag() {
        return tag;
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
