package io.weir.api.datastream;

import io.weir.api.StreamEnvironment;
import io.weir.api.annotation.Stable;
import io.weir.api.connector.Sink;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.Partitioner;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.Partitioning;
import io.weir.api.graph.SideOutputTransformation;
import io.weir.api.graph.SinkTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.graph.UnionTransformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stream of records of type {@code T}. Each method adds a step to the job and returns the stream it
 * produces; nothing runs until {@link StreamEnvironment#execute()}.
 *
 * <p>The per-operator settings ({@link #setParallelism}, {@link #name}, {@link #uid},
 * {@link #disableChaining}, {@link #returns}) apply to the operator that produced this stream.
 *
 * <h2>Thread safety</h2>
 * Build a job on one thread.
 *
 * @param <T> record type
 */
@Stable
public class DataStream<T> {
    protected final StreamEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamEnvironment environment, Transformation<T> transformation) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
    }

    /** The environment this stream belongs to. */
    public StreamEnvironment environment() {
        return environment;
    }

    /** The plan node behind this stream (for the runtime and tests). */
    public Transformation<T> transformation() {
        return transformation;
    }

    // ---- transformations ------------------------------------------------------------------

    /** Applies {@code function} to each record. */
    public <R> DataStream<R> map(MapFunction<? super T, ? extends R> function) {
        return oneInput("map", new OperatorSpec.Map(Objects.requireNonNull(function, "function")), null);
    }

    /** Emits zero or more records for each record. */
    public <R> DataStream<R> flatMap(FlatMapFunction<? super T, R> function) {
        return oneInput("flatMap", new OperatorSpec.FlatMap(Objects.requireNonNull(function, "function")), null);
    }

    /** Keeps the records for which {@code function} returns {@code true}. */
    public DataStream<T> filter(FilterFunction<? super T> function) {
        return oneInput("filter", new OperatorSpec.Filter(Objects.requireNonNull(function, "function")),
                transformation.outputType());
    }

    /** Applies a {@link ProcessFunction}: timestamps, side outputs, lifecycle. */
    public <R> DataStream<R> process(ProcessFunction<? super T, R> function) {
        return oneInput("process", new OperatorSpec.Process(Objects.requireNonNull(function, "function")), null);
    }

    /**
     * Assigns event timestamps and generates watermarks with {@code strategy}; watermarks from upstream
     * are dropped (only the final one at the end of a bounded input passes), as in Flink.
     */
    public DataStream<T> assignTimestampsAndWatermarks(io.weir.api.eventtime.WatermarkStrategy<T> strategy) {
        return oneInput("Timestamps/Watermarks", new OperatorSpec.TimestampsAndWatermarks(
                Objects.requireNonNull(strategy, "strategy")), transformation.outputType());
    }

    /**
     * Partitions the stream by key: records with equal keys go to the same subtask, through the key's
     * key group ({@code murmur(key.hashCode()) % maxParallelism}).
     */
    public <K> KeyedStream<T, K> keyBy(KeySelector<? super T, K> keySelector) {
        Objects.requireNonNull(keySelector, "keySelector");
        var partition = new PartitionTransformation<>(environment.nextId(), transformation,
                new Partitioning.KeyGroups(keySelector));
        return new KeyedStream<>(environment, partition, keySelector);
    }

    /** Merges this stream with {@code others}, which must have the same record type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<?>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("cannot union streams of different StreamEnvironments");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(environment.nextId(), inputs,
                transformation.outputType()));
    }

    /** Starts a window join with {@code other}: {@code join(other).where(...).equalTo(...).window(...).apply(...)}. */
    public <R> JoinedStreams<T, R> join(DataStream<R> other) {
        return new JoinedStreams<>(this, Objects.requireNonNull(other, "other"));
    }

    /** The side output named by {@code tag} of the operator that produced this stream. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        Objects.requireNonNull(tag, "tag");
        return new DataStream<>(environment, new SideOutputTransformation<>(environment.nextId(), transformation, tag));
    }

    // ---- partitioning ---------------------------------------------------------------------

    /** Subtask i feeds subtask i of the next operator (equal parallelism required). */
    public DataStream<T> forward() {
        return partition(new Partitioning.Forward());
    }

    /** Round-robin over all subtasks of the next operator. */
    public DataStream<T> rebalance() {
        return partition(new Partitioning.Rebalance());
    }

    /** Round-robin over a local subset of the next operator's subtasks. */
    public DataStream<T> rescale() {
        return partition(new Partitioning.Rescale());
    }

    /** Every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(new Partitioning.Broadcast());
    }

    /** Every record to the first subtask of the next operator. */
    public DataStream<T> global() {
        return partition(new Partitioning.Global());
    }

    /** Chooses the subtask with {@code partitioner} applied to the key that {@code keySelector} extracts. */
    public <K> DataStream<T> partitionCustom(Partitioner<? super K> partitioner, KeySelector<? super T, K> keySelector) {
        return partition(new Partitioning.Custom(Objects.requireNonNull(partitioner, "partitioner"),
                Objects.requireNonNull(keySelector, "keySelector")));
    }

    // ---- sinks ----------------------------------------------------------------------------

    /** Writes the stream to {@code sink}. */
    public DataStreamSink<T> sinkTo(Sink<? super T> sink) {
        Objects.requireNonNull(sink, "sink");
        var node = new SinkTransformation<>(environment.nextId(), "Sink: " + sinkName(sink), transformation, sink);
        environment.addSink(node);
        return new DataStreamSink<>(node);
    }

    // ---- per-operator settings ------------------------------------------------------------

    /** Sets the parallelism of the operator that produced this stream. */
    public DataStream<T> setParallelism(int parallelism) {
        operatorNode("setParallelism").setParallelism(parallelism);
        return this;
    }

    /** Sets the maximum parallelism (number of key groups) of the operator that produced this stream. */
    public DataStream<T> setMaxParallelism(int maxParallelism) {
        operatorNode("setMaxParallelism").setMaxParallelism(maxParallelism);
        return this;
    }

    /** Names the operator (metrics, errors, plans). */
    public DataStream<T> name(String name) {
        operatorNode("name").setName(name);
        return this;
    }

    /** Gives the operator a stable identity, used to map its state when restoring a savepoint. */
    public DataStream<T> uid(String uid) {
        operatorNode("uid").setUid(uid);
        return this;
    }

    /** Keeps the operator out of any chain: it gets its own task and channels. */
    public DataStream<T> disableChaining() {
        operatorNode("disableChaining").disableChaining();
        return this;
    }

    /**
     * Declares the class of the records, where the runtime cannot see it (lambdas erase generic types).
     * With the serialized exchange a declared type lets a missing codec be reported when the job is
     * built rather than when the first record crosses.
     */
    public DataStream<T> returns(Class<T> type) {
        transformation.setOutputType(type);
        return this;
    }

    /** The parallelism set on the producing operator, or -1 for the environment's default. */
    public int getParallelism() {
        return transformation.parallelism();
    }

    // ---- helpers --------------------------------------------------------------------------

    protected <R> DataStream<R> oneInput(String name, OperatorSpec spec, Class<?> outputType) {
        return new DataStream<>(environment, new OneInputTransformation<T, R>(environment.nextId(), name,
                transformation, spec, outputType));
    }

    private DataStream<T> partition(Partitioning partitioning) {
        return new DataStream<>(environment, new PartitionTransformation<>(environment.nextId(), transformation, partitioning));
    }

    private Transformation<T> operatorNode(String setting) {
        if (transformation.isVirtual()) {
            throw new IllegalStateException(setting + "(...) applies to an operator, but this stream comes from '"
                    + transformation.name() + "', which only routes records; call it on the stream returned by an operator");
        }
        return transformation;
    }

    private static String sinkName(Sink<?> sink) {
        String simple = sink.getClass().getSimpleName();
        return simple.endsWith("Sink") && simple.length() > 4
                ? simple.substring(0, simple.length() - 4).toLowerCase(java.util.Locale.ROOT) : simple;
    }
}
