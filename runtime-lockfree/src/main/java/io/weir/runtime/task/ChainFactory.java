package io.weir.runtime.task;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.StateOptions;
import io.weir.api.time.Clock;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.DiscardSink;
import io.weir.api.connector.PrintSink;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.graph.Partitioning;
import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.SourceTransformation;
import io.weir.runtime.exchange.ChannelWriter;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.OperatorNode;
import io.weir.runtime.operators.CollectSinkOperator;
import io.weir.runtime.operators.DiscardSinkOperator;
import io.weir.runtime.operators.FilterOperator;
import io.weir.runtime.operators.FunctionCopies;
import io.weir.runtime.operators.FlatMapOperator;
import io.weir.runtime.operators.KeyedReduceOperator;
import io.weir.runtime.operators.MapOperator;
import io.weir.runtime.operators.OperatorContext;
import io.weir.runtime.operators.Output;
import io.weir.runtime.operators.PrintSinkOperator;
import io.weir.runtime.operators.ProcessOperator;
import io.weir.runtime.operators.StreamOperator;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.graph.OperatorIds;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.runtime.operators.window.WindowOperators;
import io.weir.runtime.operators.KeyAware;
import io.weir.runtime.operators.KeyedProcessOperator;
import io.weir.runtime.operators.IntervalJoinOperator;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.operators.TimestampsAndWatermarksOperator;
import io.weir.runtime.operators.WriterSinkOperator;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterSink;
import io.weir.runtime.operators.sink.TwoPhaseCommitSinkOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the {@link OperatorChain} of one subtask of a vertex. */
public final class ChainFactory {
    private final String jobName;
    private final Configuration configuration;
    private final Clock clock;
    private final long watermarkInterval;

    private final CodecRegistry codecs;

    public ChainFactory(String jobName, Configuration configuration, CodecRegistry codecs) {
        this.jobName = jobName;
        this.configuration = configuration;
        this.codecs = codecs;
        this.clock = configuration.get(ExecutionOptions.CLOCK);
        this.watermarkInterval = configuration.get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    /**
     * Wires the chain of {@code vertex} for {@code subtask}. {@code channelsFor} gives, for each network
     * output edge, this subtask's channel writers to the consumers it is connected to, in consumer order.
     */
    public OperatorChain build(JobVertex vertex, int subtask, Function<JobEdge, ChannelWriter[]> channelsFor) {
        return build(vertex, subtask, channelsFor, null, null);
    }

    /**
     * As {@link #build(JobVertex, int, Function)}, restoring every operator's state from {@code restore}
     * (keyed state into its backend before the operator opens, list state through
     * {@link StreamOperator#initializeState}) and arming {@code faults} (both may be {@code null}).
     *
     * @throws java.io.UncheckedIOException when a state file cannot be read (corrupt, truncated, missing)
     */
    public OperatorChain build(JobVertex vertex, int subtask, Function<JobEdge, ChannelWriter[]> channelsFor,
                               RestorePlan restore, FaultInjector faults) {
        Map<OperatorNode, StreamOperator> ops = new HashMap<>();
        Map<StreamOperator, OperatorContext> contexts = new HashMap<>();
        Progress progress = new Progress();
        List<RecordWriter> writers = new ArrayList<>();
        List<OperatorNode> nodes = vertex.nodes();
        Output sourceOutput = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            OperatorNode node = nodes.get(i);
            List<Output> main = new ArrayList<>();
            Map<String, List<Output>> side = new LinkedHashMap<>();
            for (JobEdge e : node.outputs()) {
                Output o;
                if (e.chained()) {
                    o = ops.get(e.target());
                } else {
                    RecordWriter w = writer(e, subtask, channelsFor.apply(e));
                    writers.add(w);
                    o = w;
                }
                if (e.tag() == null) {
                    main.add(o);
                } else {
                    side.computeIfAbsent(e.tag().id(), k -> new ArrayList<>()).add(o);
                }
            }
            Output mainOut = FanOutOutput.of(main);
            if (node.transformation() instanceof SourceTransformation<?>) {
                sourceOutput = mainOut;
                continue;
            }
            Map<String, Output> sideOuts = new HashMap<>();
            side.forEach((id, outs) -> sideOuts.put(id, FanOutOutput.of(outs)));
            StreamOperator op = createOperator(node);
            ops.put(node, op);
            KeyedStateManager keyed = isKeyed(node)
                    ? KeyedStateManager.create(configuration, codecs, node.label(), subtask, node.parallelism(),
                    node.maxParallelism(), clock::currentTimeMillis)
                    : null;
            if (keyed != null) {
                keyed.setProgressListener(progress::tick);
            }
            String operatorId = OperatorIds.of(node);
            if (keyed != null && restore != null) {
                List<KeyedStateHandle> handles = restore.keyed(operatorId, keyed.backend().keyGroupRange());
                if (!handles.isEmpty()) {
                    try {
                        keyed.backend().restore(handles, restore.reader());
                    } catch (java.io.IOException e) {
                        keyed.close();
                        throw new java.io.UncheckedIOException("cannot restore the keyed state of " + node.label()
                                + " (subtask " + subtask + ") from " + restore.location() + ": " + e.getMessage(), e);
                    }
                }
            }
            if (restore != null && restore.has(operatorId)) {
                if (op instanceof TwoPhaseCommitSinkOperator sink && restore.checkpointId() >= 0) {
                    sink.restoredFromCheckpoint(restore.checkpointId());
                }
                op.initializeState(restore.lists(operatorId, subtask, node.parallelism()), true);
            } else {
                op.initializeState(OperatorListState.empty(), false);
            }
            op.setFaultInjector(faults, vertex.subtaskName(subtask));
            if (keyed != null && !(op instanceof KeyAware)) {
                op.setKeyContext(((Partitioning.KeyGroups) node.inputs().getFirst().partitioning()).keySelector(), keyed);
            }
            contexts.put(op, new OperatorContext(jobName, node.name(), subtask, node.parallelism(),
                    node.maxParallelism(), mainOut, sideOuts, clock::currentTimeMillis, codecs, keyed));
        }
        List<StreamOperator> ordered = new ArrayList<>();
        for (OperatorNode n : nodes) {
            StreamOperator op = ops.get(n);
            if (op != null) {
                ordered.add(op);
            }
        }
        Output head = sourceOutput != null ? sourceOutput : ordered.getFirst();
        return new OperatorChain(head, ordered, contexts, writers, progress);
    }

    private StreamOperator createOperator(OperatorNode node) {
        return switch (node.transformation()) {
            case OneInputTransformation<?, ?> o -> switch (o.spec()) {
                case OperatorSpec.Map m -> new MapOperator(copy(m.function(), node));
                case OperatorSpec.FlatMap f -> new FlatMapOperator(copy(f.function(), node));
                case OperatorSpec.Filter f -> new FilterOperator(copy(f.function(), node));
                case OperatorSpec.Process p -> new ProcessOperator(copy(p.function(), node));
                case OperatorSpec.KeyedReduce r -> new KeyedReduceOperator(r.keySelector(), copy(r.function(), node));
                case OperatorSpec.KeyedProcess k -> new KeyedProcessOperator(k.keySelector(), copy(k.function(), node));
                case OperatorSpec.IntervalJoin j -> new IntervalJoinOperator(j.keySelector(), j.lower(), j.upper(), copy(j.function(), node));
                case OperatorSpec.Window w -> WindowOperators.create(w, o.input().outputType(), node.label(),
                        configuration.get(ExecutionOptions.WINDOW_SLICING),
                        "heap".equals(configuration.get(StateOptions.STATE_BACKEND)));
                case OperatorSpec.TimestampsAndWatermarks t ->
                        new TimestampsAndWatermarksOperator(t.function(), watermarkInterval, clock);
            };
            case SinkTransformation<?> s -> switch (s.sink()) {
                case PrintSink<?> p -> new PrintSinkOperator(p);
                case CollectSink<?> c -> new CollectSinkOperator(c);
                case DiscardSink<?> d -> new DiscardSinkOperator();
                case TwoPhaseCommitSink<?, ?> t -> new TwoPhaseCommitSinkOperator(t, configuration);
                case WriterSink<?> w -> new WriterSinkOperator(w, configuration);
                default -> throw new IllegalArgumentException("unsupported sink " + s.sink().getClass().getName());
            };
            default -> throw new IllegalStateException("no operator for " + node.label());
        };
    }

    private static <F> F copy(F function, OperatorNode node) {
        return FunctionCopies.copy(function, node.label());
    }

    /** Operators fed by a keyBy get keyed state for the key groups their subtask owns. */
    private static boolean isKeyed(OperatorNode node) {
        return !node.inputs().isEmpty()
                && node.inputs().stream().allMatch(e -> e.partitioning() instanceof Partitioning.KeyGroups);
    }

    private static RecordWriter writer(JobEdge e, int subtask, ChannelWriter[] channels) {
        String name = e.describe();
        return switch (e.partitioning()) {
            case Partitioning.Forward f -> new Partitioners.Single(channels, 0);
            case Partitioning.Global g -> new Partitioners.Single(channels, 0);
            case Partitioning.Rebalance r -> new Partitioners.RoundRobin(channels, subtask);
            case Partitioning.Rescale r -> new Partitioners.RoundRobin(channels, 0);
            case Partitioning.Broadcast b -> new Partitioners.Broadcast(channels);
            case Partitioning.KeyGroups k -> new Partitioners.ByKeyGroup(channels, k.keySelector(),
                    e.target().maxParallelism(), name);
            case Partitioning.Custom c -> new Partitioners.ByCustom(channels, c.partitioner(), c.keySelector(), name);
        };
    }

    /**
     * Whether producer subtask {@code i} has a channel to consumer subtask {@code j} on {@code edge}:
     * forward pairs i with i; rescale connects local ranges as Flink's pointwise pattern does; every
     * other partitioning connects all pairs.
     */
    public static boolean connected(JobEdge edge, int i, int j) {
        int up = edge.source().parallelism();
        int down = edge.target().parallelism();
        return switch (edge.partitioning()) {
            case Partitioning.Forward f -> i == j;
            case Partitioning.Rescale r -> up >= down
                    ? i >= (long) j * up / down && i < (long) (j + 1) * up / down
                    : j >= ceilDiv((long) i * down, up) && j < ceilDiv((long) (i + 1) * down, up);
            default -> true;
        };
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
