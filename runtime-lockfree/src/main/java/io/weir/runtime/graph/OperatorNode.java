package io.weir.runtime.graph;

import io.weir.api.graph.Transformation;

import java.util.ArrayList;
import java.util.List;

/**
 * A non-virtual node of the plan (source, operator or sink) with its resolved parallelism and its
 * physical input and output edges.
 */
public final class OperatorNode {
    private final Transformation<?> transformation;
    private final int parallelism;
    private final int maxParallelism;
    final List<JobEdge> inputs = new ArrayList<>();
    final List<JobEdge> outputs = new ArrayList<>();
    JobVertex vertex;

    OperatorNode(Transformation<?> transformation, int parallelism, int maxParallelism) {
        this.transformation = transformation;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
    }

    public Transformation<?> transformation() {
        return transformation;
    }

    public int id() {
        return transformation.id();
    }

    public String name() {
        return transformation.name();
    }

    /** Name and id, unique in the job: {@code "map#3"}. */
    public String label() {
        return transformation.name() + "#" + transformation.id();
    }

    public int parallelism() {
        return parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public List<JobEdge> inputs() {
        return List.copyOf(inputs);
    }

    public List<JobEdge> outputs() {
        return List.copyOf(outputs);
    }

    /** The task (chain) this node runs in. */
    public JobVertex vertex() {
        return vertex;
    }

    @Override
    public String toString() {
        return label() + "[p=" + parallelism + "]";
    }
}
