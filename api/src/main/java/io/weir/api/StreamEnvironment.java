package io.weir.api;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.CollectionSource;
import io.weir.api.connector.SequenceSource;
import io.weir.api.connector.Source;
import io.weir.api.datastream.DataStream;
import io.weir.api.execution.JobPlan;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.execution.PipelineExecutorFactory;
import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.SourceTransformation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Where a job starts: create an environment, add sources, transform, add sinks, then
 * {@link #execute(String)}.
 *
 * <pre>{@code
 * var env = StreamEnvironment.create().setParallelism(2);
 * env.fromSequence(1, 1_000).map(x -> x * 2).sinkTo(Sinks.print());
 * env.execute("doubling");
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Build and execute a job on one thread. One environment can execute its plan more than once.
 */
@Stable
public final class StreamEnvironment {
    private final Configuration configuration;
    private final CodecRegistry codecs = new CodecRegistry();
    private final List<SinkTransformation<?>> sinks = new ArrayList<>();
    private int nextId;

    private StreamEnvironment(Configuration configuration) {
        this.configuration = configuration;
    }

    /** An environment with the default configuration. */
    public static StreamEnvironment create() {
        return new StreamEnvironment(new Configuration());
    }

    /** An environment with a copy of {@code configuration}. */
    public static StreamEnvironment create(Configuration configuration) {
        return new StreamEnvironment(configuration.copy());
    }

    // ---- configuration ---------------------------------------------------------------------

    /** Sets the default parallelism of every operator ({@code parallelism}). */
    public StreamEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        configuration.set(ExecutionOptions.PARALLELISM, parallelism);
        return this;
    }

    /** The default parallelism. */
    public int getParallelism() {
        return configuration.get(ExecutionOptions.PARALLELISM);
    }

    /** Sets the number of key groups ({@code max-parallelism}). */
    public StreamEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("max parallelism must be in [1, 32768], was " + maxParallelism);
        }
        configuration.set(ExecutionOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    /** Sets one option. */
    public <T> StreamEnvironment configure(ConfigOption<T> option, T value) {
        configuration.set(option, value);
        return this;
    }

    /** The live configuration (changes apply to later executions). */
    public Configuration getConfiguration() {
        return configuration;
    }

    /** Sets the processing-time clock (tests use a {@link io.weir.api.time.ManualClock}). */
    public StreamEnvironment setClock(io.weir.api.time.Clock clock) {
        configuration.set(ExecutionOptions.CLOCK, clock);
        return this;
    }

    /** Registers the codec used for {@code type}, replacing any derived one. */
    public <T> StreamEnvironment registerCodec(Class<T> type, Codec<T> codec) {
        codecs.register(type, codec);
        return this;
    }

    /** The codecs of this environment. */
    public CodecRegistry codecs() {
        return codecs;
    }

    // ---- sources ---------------------------------------------------------------------------

    /** A stream of the given elements, in order, from a single subtask. At least one element; none null. */
    @SafeVarargs
    public final <T> DataStream<T> fromElements(T... elements) {
        Objects.requireNonNull(elements, "elements");
        return fromCollection(Arrays.asList(elements));
    }

    /** A stream of the collection's elements, in iteration order, from a single subtask. */
    public <T> DataStream<T> fromCollection(Collection<T> elements) {
        Objects.requireNonNull(elements, "elements");
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("fromCollection/fromElements needs at least one element");
        }
        Class<?> type = null;
        int i = 0;
        for (T e : elements) {
            if (e == null) {
                throw new IllegalArgumentException("fromCollection/fromElements: element " + i + " is null; streams carry no nulls");
            }
            type = type == null || type == e.getClass() ? e.getClass() : Object.class;
            i++;
        }
        var node = new SourceTransformation<>(nextId(), "Source: collection", new CollectionSource<>(List.copyOf(elements)),
                type == Object.class ? null : type);
        node.setParallelism(1);
        return new DataStream<>(this, node);
    }

    /** Every long from {@code from} to {@code to}, both included, split across parallel subtasks. */
    public DataStream<Long> fromSequence(long from, long to) {
        return new DataStream<>(this, new SourceTransformation<>(nextId(), "Source: sequence",
                new SequenceSource(from, to), Long.class));
    }

    /** A stream from any source, such as a connector plugin's {@code SplitSource}. */
    public <T> DataStream<T> fromSource(Source<T> source, String name) {
        Objects.requireNonNull(source, "source");
        return new DataStream<>(this, new SourceTransformation<>(nextId(), "Source: " + Objects.requireNonNull(name, "name"),
                source, null));
    }

    /**
     * A stream from any source, with timestamps and watermarks generated by {@code strategy} right at the
     * source (the assigner runs chained to the source's reader).
     */
    public <T> DataStream<T> fromSource(Source<T> source, io.weir.api.eventtime.WatermarkStrategy<T> strategy, String name) {
        return fromSource(source, name).assignTimestampsAndWatermarks(strategy);
    }

    // ---- execution -------------------------------------------------------------------------

    /** Runs the job and waits for it to end; throws {@link JobFailedException} if it fails. */
    public JobResult execute(String jobName) {
        return executeAsync(jobName).await();
    }

    /** Runs the job, named "Weir job", and waits for it to end. */
    public JobResult execute() {
        return execute("Weir job");
    }

    /** Starts the job and returns a handle at once. The plan is validated before anything runs. */
    public JobClient executeAsync(String jobName) {
        Objects.requireNonNull(jobName, "jobName");
        if (sinks.isEmpty()) {
            throw new IllegalStateException("job '" + jobName + "' has no sink: add one with sinkTo(...) before execute");
        }
        var plan = new JobPlan(jobName, sinks, configuration.copy(), codecs);
        return executor().execute(plan);
    }

    private static PipelineExecutor executor() {
        var factories = ServiceLoader.load(PipelineExecutorFactory.class).stream().map(ServiceLoader.Provider::get).toList();
        if (factories.isEmpty()) {
            throw new IllegalStateException("no Weir runtime on the class path: add io.weir:weir-runtime-lockfree");
        }
        return factories.getFirst().create();
    }

    // ---- for DataStream --------------------------------------------------------------------

    /** Next plan node id (used by {@link DataStream}). */
    public int nextId() {
        return nextId++;
    }

    /** Registers a sink node (used by {@link DataStream#sinkTo}). */
    public void addSink(SinkTransformation<?> sink) {
        sinks.add(sink);
    }
}
