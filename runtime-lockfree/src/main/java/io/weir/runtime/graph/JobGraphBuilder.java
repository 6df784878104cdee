package io.weir.runtime.graph;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.CollectionSource;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.DiscardSink;
import io.weir.api.connector.PrintSink;
import io.weir.api.connector.SequenceSource;
import io.weir.api.datastream.OutputTag;
import io.weir.api.execution.JobPlan;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.Partitioning;
import io.weir.api.graph.SideOutputTransformation;
import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.graph.UnionTransformation;
import io.weir.spi.sink.WriterSink;
import io.weir.spi.source.SplitSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link JobPlan} into a {@link JobGraph}: resolves parallelism, flattens virtual nodes (union,
 * partitioning, side-output selection) into physical edges, picks the default partitioning (forward
 * between equal parallelism, rebalance otherwise, as Flink does) and chains operators.
 *
 * <p>Chaining rule (Flink's): a node joins its input's task when it has exactly one input, the edge is
 * forward, both sides have equal parallelism, it is not a source and neither side disabled chaining.
 *
 * <p>Every problem in the plan is an {@link IllegalArgumentException} naming the operators involved.
 */
public final class JobGraphBuilder {
    private final JobPlan plan;
    private final int defaultParallelism;
    private final int defaultMaxParallelism;
    private final Map<Transformation<?>, OperatorNode> nodes = new HashMap<>();

    private JobGraphBuilder(JobPlan plan) {
        this.plan = plan;
        Configuration c = plan.configuration();
        this.defaultParallelism = c.get(ExecutionOptions.PARALLELISM);
        this.defaultMaxParallelism = c.get(ExecutionOptions.MAX_PARALLELISM);
        if (defaultParallelism < 1) {
            throw new IllegalArgumentException("option 'parallelism' must be at least 1, was " + defaultParallelism);
        }
    }

    /** Builds the graph of {@code plan}. */
    public static JobGraph build(JobPlan plan) {
        return new JobGraphBuilder(plan).build();
    }

    private JobGraph build() {
        Map<Integer, Transformation<?>> reachable = new TreeMap<>();
        for (SinkTransformation<?> sink : plan.sinks()) {
            collect(sink, reachable);
        }
        List<OperatorNode> ordered = new ArrayList<>();
        for (Transformation<?> t : reachable.values()) {
            if (!t.isVirtual()) {
                OperatorNode node = createNode(t);
                nodes.put(t, node);
                ordered.add(node);
            }
        }
        for (OperatorNode node : ordered) {
            for (Transformation<?> input : node.transformation().inputs()) {
                resolveInputs(node, input, null, null);
            }
            chainIfPossible(node);
        }
        List<JobVertex> vertices = new ArrayList<>();
        for (OperatorNode node : ordered) {
            if (node.inputs.size() == 1 && node.inputs.getFirst().chained()) {
                JobVertex v = node.inputs.getFirst().source().vertex;
                node.vertex = v;
                v.nodes.add(node);
            } else {
                JobVertex v = new JobVertex(vertices.size(), node);
                v.nodes.add(node);
                node.vertex = v;
                vertices.add(v);
            }
        }
        return new JobGraph(plan.jobName(), List.copyOf(vertices), List.copyOf(ordered));
    }

    private static void collect(Transformation<?> t, Map<Integer, Transformation<?>> into) {
        if (into.putIfAbsent(t.id(), t) == null) {
            for (Transformation<?> in : t.inputs()) {
                collect(in, into);
            }
        }
    }

    private OperatorNode createNode(Transformation<?> t) {
        int p = t.parallelism() == Transformation.DEFAULT_PARALLELISM ? defaultParallelism : t.parallelism();
        int maxP = t.maxParallelism() == Transformation.DEFAULT_PARALLELISM ? defaultMaxParallelism : t.maxParallelism();
        switch (t) {
            case SourceTransformation<?> s -> {
                switch (s.source()) {
                    case CollectionSource<?> c -> {
                        if (p != 1) {
                            throw new IllegalArgumentException("'" + t.name() + "' (fromElements/fromCollection) is not "
                                    + "parallel: its parallelism must be 1, was " + p);
                        }
                    }
                    case SequenceSource seq -> {
                    }
                    case SplitSource<?, ?> split -> {
                    }
                    default -> throw new IllegalArgumentException("source '" + t.name() + "' is a "
                            + s.source().getClass().getName() + ", which implements neither a built-in source nor "
                            + "io.weir.spi.source.SplitSource");
                }
            }
            case SinkTransformation<?> s -> {
                switch (s.sink()) {
                    case PrintSink<?> ps -> {
                    }
                    case CollectSink<?> cs -> {
                    }
                    case DiscardSink<?> ds -> {
                    }
                    case WriterSink<?> ws -> {
                    }
                    default -> throw new IllegalArgumentException("sink '" + t.name() + "' is a "
                            + s.sink().getClass().getName() + ", which implements neither a built-in sink nor "
                            + "io.weir.spi.sink.WriterSink");
                }
            }
            case OneInputTransformation<?, ?> o -> {
                if (o.spec() instanceof OperatorSpec.KeyedReduce && p > maxP) {
                    throw new IllegalArgumentException("keyed operator '" + t.name() + "' has parallelism " + p
                            + " above its max parallelism " + maxP + " (the number of key groups)");
                }
            }
            default -> throw new IllegalStateException("not an operator node: " + t);
        }
        return new OperatorNode(t, p, maxP);
    }

    /** Walks up through virtual nodes; the partitioning nearest to the consumer wins. */
    private void resolveInputs(OperatorNode target, Transformation<?> input, Partitioning partitioning, OutputTag<?> tag) {
        switch (input) {
            case PartitionTransformation<?> p ->
                    resolveInputs(target, p.input(), partitioning != null ? partitioning : p.partitioning(), tag);
            case UnionTransformation<?> u -> {
                for (Transformation<?> in : u.inputs()) {
                    resolveInputs(target, in, partitioning, tag);
                }
            }
            case SideOutputTransformation<?> s -> {
                if (tag != null) {
                    throw new IllegalArgumentException("side output '" + tag.id() + "' selected from another side output");
                }
                resolveInputs(target, s.input(), partitioning, s.tag());
            }
            default -> connect(nodes.get(input), target, partitioning, tag);
        }
    }

    private void connect(OperatorNode source, OperatorNode target, Partitioning partitioning, OutputTag<?> tag) {
        if (source == null) {
            throw new IllegalStateException("input of " + target.label() + " is not part of the plan");
        }
        if (source.transformation() instanceof SinkTransformation<?>) {
            throw new IllegalArgumentException("a sink has no output: " + source.label() + " feeds " + target.label());
        }
        if (tag != null && !emitsSideOutputs(source)) {
            throw new IllegalArgumentException("getSideOutput('" + tag.id() + "') on " + source.label()
                    + ", which emits no side outputs (process functions, windows with late data and interval joins do)");
        }
        Partitioning resolved = partitioning;
        if (resolved == null) {
            resolved = source.parallelism() == target.parallelism() ? new Partitioning.Forward() : new Partitioning.Rebalance();
        }
        if (resolved instanceof Partitioning.Forward && source.parallelism() != target.parallelism()) {
            throw new IllegalArgumentException("forward partitioning needs equal parallelism, but " + source.label()
                    + " has " + source.parallelism() + " and " + target.label() + " has " + target.parallelism()
                    + ": remove forward() or use rebalance()");
        }
        JobEdge edge = new JobEdge(source, target, resolved, tag, false);
        source.outputs.add(edge);
        target.inputs.add(edge);
    }

    /** Marks the node's only input edge as chained when Flink's chaining rule allows it. */
    private static void chainIfPossible(OperatorNode target) {
        if (target.inputs.size() != 1) {
            return;
        }
        JobEdge edge = target.inputs.getFirst();
        OperatorNode source = edge.source();
        boolean chainable = edge.partitioning() instanceof Partitioning.Forward
                && source.parallelism() == target.parallelism()
                && !source.transformation().chainingDisabled()
                && !target.transformation().chainingDisabled();
        if (chainable) {
            JobEdge chained = new JobEdge(source, target, edge.partitioning(), edge.tag(), true);
            target.inputs.set(0, chained);
            source.outputs.set(source.outputs.indexOf(edge), chained);
        }
    }

    private static boolean emitsSideOutputs(OperatorNode node) {
        return node.transformation() instanceof OneInputTransformation<?, ?> o
                && (o.spec() instanceof OperatorSpec.Process || o.spec() instanceof OperatorSpec.KeyedProcess
                || o.spec() instanceof OperatorSpec.Window || o.spec() instanceof OperatorSpec.IntervalJoin);
    }
}
