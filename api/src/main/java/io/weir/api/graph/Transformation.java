package io.weir.api.graph;

import io.weir.api.annotation.Internal;

import java.util.List;
import java.util.Objects;

/**
 * One node of the logical plan. Structure (inputs, what it does) is fixed at creation; the per-operator
 * settings ({@code name}, {@code uid}, {@code parallelism}, chaining, output type) are set through the
 * fluent {@code DataStream} methods while the job is being built.
 *
 * <h2>Thread safety</h2>
 * Built on one thread; the runtime reads it after {@code execute()} without further mutation.
 *
 * @param <T> type of the records this node emits
 */
@Internal
public abstract sealed class Transformation<T>
        permits SourceTransformation, OneInputTransformation, UnionTransformation, PartitionTransformation,
        SideOutputTransformation, SinkTransformation {

    /** Parallelism not set on this node: the environment's default (or the input's, for virtual nodes). */
    public static final int DEFAULT_PARALLELISM = -1;

    private final int id;
    private String name;
    private String uid;
    private int parallelism = DEFAULT_PARALLELISM;
    private int maxParallelism = DEFAULT_PARALLELISM;
    private boolean chainingDisabled;
    private Class<?> outputType;

    protected Transformation(int id, String name, Class<?> outputType) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.outputType = outputType;
    }

    public abstract List<Transformation<?>> inputs();

    /** Unique id within the job, in creation order. */
    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an operator name must not be blank");
        }
        this.name = name;
    }

    /** The stable identity used to map state in savepoints, or {@code null} when not set. */
    public String uid() {
        return uid;
    }

    public void setUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("a uid must not be blank");
        }
        this.uid = uid;
    }

    public int parallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("max parallelism of '" + name + "' must be in [1, 32768], was " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    public boolean chainingDisabled() {
        return chainingDisabled;
    }

    public void disableChaining() {
        this.chainingDisabled = true;
    }

    /** The class of the emitted records when known at build time, else {@code null}. */
    public Class<?> outputType() {
        return outputType;
    }

    public void setOutputType(Class<?> outputType) {
        this.outputType = Objects.requireNonNull(outputType, "outputType");
    }

    /** {@code true} for nodes that run no operator of their own (partitioning, union, side-output selection). */
    public boolean isVirtual() {
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + id + "(" + name + ")";
    }
}
