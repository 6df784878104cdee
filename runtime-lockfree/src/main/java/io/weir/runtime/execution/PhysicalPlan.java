package io.weir.runtime.execution;

import io.weir.api.codec.Codec;
import io.weir.api.config.ExchangeMode;
import io.weir.api.connector.CollectionSource;
import io.weir.api.connector.SequenceSource;
import io.weir.api.connector.Source;
import io.weir.api.execution.JobPlan;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.metrics.ChannelMetrics;
import io.weir.runtime.exchange.Channel;
import io.weir.runtime.exchange.ChannelReader;
import io.weir.runtime.exchange.ChannelSettings;
import io.weir.runtime.exchange.ChannelWriter;
import io.weir.runtime.exchange.Channels;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.OperatorNode;
import io.weir.runtime.graph.OperatorIds;
import io.weir.runtime.checkpoint.CheckpointGateway;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.SubtaskCheckpointer;
import io.weir.runtime.fault.FaultInjector;
import io.weir.runtime.source.CollectionSplitSource;
import io.weir.runtime.source.SequenceSplitSource;
import io.weir.runtime.source.SourceCoordinator;
import io.weir.runtime.task.ChainFactory;
import io.weir.runtime.task.InputTask;
import io.weir.runtime.task.OperatorChain;
import io.weir.runtime.task.SourceTask;
import io.weir.runtime.task.StreamTask;
import io.weir.spi.source.SplitSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The deployed form of a job graph: one channel per connected (producer subtask, consumer subtask)
 * pair of every network edge, one coordinator per source, one task per subtask of every vertex.
 *
 * <h2>Thread safety</h2>
 * Built and closed by one thread; {@link #queuedElements()} and {@link #channelMetrics()} may be called
 * from any thread while the job runs.
 */
final class PhysicalPlan implements AutoCloseable {
    private final Map<JobEdge, Channel[][]> channels;
    private final List<SourceCoordinator> coordinators;
    private final List<StreamTask> tasks;
    private final List<JobRun.NamedChannel> named;

    private PhysicalPlan(Map<JobEdge, Channel[][]> channels, List<SourceCoordinator> coordinators, List<StreamTask> tasks,
                         List<JobRun.NamedChannel> named) {
        this.channels = channels;
        this.coordinators = List.copyOf(coordinators);
        this.tasks = List.copyOf(tasks);
        this.named = List.copyOf(named);
    }

    static PhysicalPlan create(JobGraph graph, JobPlan plan, ExchangeMode mode, ChannelSettings settings,
                               BiFunction<Class<?>, String, Codec<Object>> codecs) {
        return create(graph, plan, mode, settings, codecs, null, CheckpointGateway.NONE, false, null);
    }

    /**
     * Deploys {@code graph}, restoring state from {@code restore} when given; with {@code checkpointing}
     * every task gets a checkpointer reporting to {@code gateway}. If restoring fails (a corrupt state
     * file), everything created so far is released and the {@link java.io.UncheckedIOException} propagates.
     */
    static PhysicalPlan create(JobGraph graph, JobPlan plan, ExchangeMode mode, ChannelSettings settings,
                               BiFunction<Class<?>, String, Codec<Object>> codecs, RestorePlan restore,
                               CheckpointGateway gateway, boolean checkpointing, FaultInjector faults) {
        Map<JobEdge, Channel[][]> channels = new LinkedHashMap<>();
        List<JobRun.NamedChannel> named = new ArrayList<>();
        try {
            for (JobVertex v : graph.vertices()) {
                for (JobEdge e : v.outputEdges()) {
                    Codec<Object> codec = mode == ExchangeMode.SERIALIZED ? codecs.apply(edgeType(e), e.describe()) : null;
                    int up = e.source().parallelism();
                    int down = e.target().parallelism();
                    Channel[][] pairs = new Channel[up][down];
                    for (int i = 0; i < up; i++) {
                        for (int j = 0; j < down; j++) {
                            if (ChainFactory.connected(e, i, j)) {
                                String name = e.describe() + " " + (i + 1) + "->" + (j + 1);
                                pairs[i][j] = Channels.create(mode, codec, settings, name);
                                named.add(new JobRun.NamedChannel(pairs[i][j], e.source().vertex().subtaskName(i),
                                        e.target().vertex().subtaskName(j)));
                            }
                        }
                    }
                    channels.put(e, pairs);
                }
            }
        } catch (RuntimeException e) {
            named.forEach(n -> n.channel().close());
            throw e;
        }
        ChainFactory chains = new ChainFactory(plan.jobName(), plan.configuration(), plan.codecs());
        io.weir.api.time.Clock clock = plan.configuration().get(io.weir.api.config.ExecutionOptions.CLOCK);
        List<SourceCoordinator> coordinators = new ArrayList<>();
        List<StreamTask> tasks = new ArrayList<>();
        try {
            deploy(graph, plan, chains, clock, channels, coordinators, tasks, restore, gateway, checkpointing, faults);
        } catch (RuntimeException e) {
            for (StreamTask t : tasks) {
                try {
                    t.closeChain();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            named.forEach(n -> n.channel().close());
            throw e;
        }
        return new PhysicalPlan(channels, coordinators, tasks, named);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void deploy(JobGraph graph, JobPlan plan, ChainFactory chains, io.weir.api.time.Clock clock,
                               Map<JobEdge, Channel[][]> channels, List<SourceCoordinator> coordinators,
                               List<StreamTask> tasks, RestorePlan restore, CheckpointGateway gateway,
                               boolean checkpointing, FaultInjector faults) {
        for (JobVertex v : graph.vertices()) {
            OperatorNode head = v.head();
            SourceCoordinator coordinator = null;
            SplitSource<?, ?> splitSource = null;
            String headId = OperatorIds.of(head);
            if (head.transformation() instanceof SourceTransformation<?> st) {
                splitSource = splitSource(st.source());
                List restoredUnassigned = null;
                if (restore != null && restore.enumeratorSplits(headId) != null) {
                    restoredUnassigned = decode(restore.enumeratorSplits(headId), splitSource);
                }
                coordinator = new SourceCoordinator(head.label() + " coordinator", headId, splitSource,
                        head.parallelism(), plan.configuration(), restoredUnassigned, gateway, checkpointing);
                coordinators.add(coordinator);
            }
            for (int s = 0; s < v.parallelism(); s++) {
                final int subtask = s;
                OperatorChain chain = chains.build(v, subtask, e -> writersOf(channels.get(e), subtask), restore, faults);
                if (coordinator != null) {
                    SourceTask task = new SourceTask(v.subtaskName(s), head.name(), s, v.parallelism(), chain,
                            splitSource, coordinator, plan.configuration());
                    List restoredSplits = restore == null ? List.of()
                            : restore.lists(headId, s, v.parallelism()).get("splits", (Codec) splitSource.splitCodec());
                    task.restore(headId, restoredSplits);
                    tasks.add(configure(task, clock, v, chain, gateway, checkpointing, faults));
                } else {
                    List<ChannelReader> readers = new ArrayList<>();
                    for (JobEdge e : v.inputEdges()) {
                        Channel[][] pairs = channels.get(e);
                        for (Channel[] fromProducer : pairs) {
                            if (fromProducer[s] != null) {
                                readers.add(fromProducer[s].reader());
                            }
                        }
                    }
                    tasks.add(configure(new InputTask(v.subtaskName(s), s, chain, readers.toArray(ChannelReader[]::new)),
                            clock, v, chain, gateway, checkpointing, faults));
                }
            }
        }
        if (restore != null && restore.finished()) {
            // the final checkpoint: every task had reached the end of its input; nothing is read again
            tasks.forEach(StreamTask::restoreFinished);
        }
    }

    private static StreamTask configure(StreamTask task, io.weir.api.time.Clock clock, JobVertex vertex, OperatorChain chain,
                                        CheckpointGateway gateway, boolean checkpointing, FaultInjector faults) {
        task.setClock(clock);
        task.setFaultInjector(faults);
        if (checkpointing) {
            List<SubtaskCheckpointer.OperatorRef> refs = new ArrayList<>();
            List<OperatorNode> nodes = vertex.nodes();
            int i = 0;
            for (OperatorNode n : nodes) {
                if (n.transformation() instanceof SourceTransformation<?>) {
                    continue;
                }
                refs.add(new SubtaskCheckpointer.OperatorRef(OperatorIds.of(n), chain.operators().get(i++)));
            }
            task.setCheckpointer(new SubtaskCheckpointer(task.name(), task.subtask(), refs, gateway));
        }
        return task;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List decode(List<byte[]> encoded, SplitSource<?, ?> source) {
        return io.weir.runtime.checkpoint.OperatorListState.of(Map.of("splits", encoded)).get("splits", (Codec) source.splitCodec());
    }

    private static Class<?> edgeType(JobEdge e) {
        if (e.tag() != null) {
            return e.tag().type();
        }
        Class<?> declared = e.source().transformation().outputType();
        if (declared == null && e.source().transformation() instanceof SourceTransformation<?> st
                && st.source() instanceof SplitSource<?, ?> split) {
            return split.producedType();
        }
        return declared;
    }

    private static ChannelWriter[] writersOf(Channel[][] pairs, int producer) {
        List<ChannelWriter> writers = new ArrayList<>();
        for (Channel c : pairs[producer]) {
            if (c != null) {
                writers.add(c.writer());
            }
        }
        return writers.toArray(ChannelWriter[]::new);
    }

    private static SplitSource<?, ?> splitSource(Source<?> source) {
        return switch (source) {
            case CollectionSource<?> c -> new CollectionSplitSource<>(c.elements());
            case SequenceSource s -> new SequenceSplitSource(s.from(), s.to());
            case SplitSource<?, ?> s -> s;
            default -> throw new IllegalArgumentException("unsupported source " + source.getClass().getName());
        };
    }

    List<SourceCoordinator> coordinators() {
        return coordinators;
    }

    List<StreamTask> tasks() {
        return tasks;
    }

    /** Elements published and not yet consumed, over all channels. */
    long queuedElements() {
        long sum = 0;
        for (JobRun.NamedChannel n : named) {
            sum += n.channel().size();
        }
        return sum;
    }

    List<ChannelMetrics> channelMetrics() {
        List<ChannelMetrics> m = new ArrayList<>(named.size());
        for (JobRun.NamedChannel n : named) {
            m.add(new ChannelMetrics(n.producer(), n.consumer(), n.channel().size(), n.channel().capacity()));
        }
        return m;
    }

    @Override
    public void close() {
        for (JobRun.NamedChannel n : named) {
            n.channel().close();
        }
        channels.clear();
    }
}
