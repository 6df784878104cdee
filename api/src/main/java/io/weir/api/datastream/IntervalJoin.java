package io.weir.api.datastream;

import io.weir.api.annotation.Stable;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ProcessJoinFunction;
import io.weir.api.graph.OperatorSpec;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.Partitioning;
import io.weir.api.graph.Transformation;

import java.time.Duration;
import java.util.Objects;

/**
 * An interval join of two keyed streams, as Flink's: a left record at {@code t} joins every right record
 * of the same key with a timestamp in {@code [t + lower, t + upper]} (bounds inclusive unless made
 * exclusive). Event time only; records must have timestamps, and records behind the watermark are late
 * and dropped, as in Flink.
 *
 * <pre>{@code
 * orders.keyBy(Order::id).intervalJoin(payments.keyBy(Payment::orderId))
 *       .between(Duration.ofMinutes(-1), Duration.ofMinutes(5))
 *       .process(new MyJoin());
 * }</pre>
 *
 * @param <L> left type
 * @param <R> right type
 * @param <K> key type
 */
@Stable
public final class IntervalJoin<L, R, K> {
    private final KeyedStream<L, K> left;
    private final KeyedStream<R, K> right;
    private long lower;
    private long upper;
    private boolean lowerExclusive;
    private boolean upperExclusive;
    private boolean bounded;

    IntervalJoin(KeyedStream<L, K> left, KeyedStream<R, K> right) {
        if (left.environment() != right.environment()) {
            throw new IllegalArgumentException("cannot join streams of different StreamEnvironments");
        }
        this.left = left;
        this.right = right;
    }

    /** Joins right records with {@code leftTs + lower <= rightTs <= leftTs + upper}; {@code lower <= upper}. */
    public IntervalJoin<L, R, K> between(Duration lower, Duration upper) {
        long lo = lower.toMillis();
        long hi = upper.toMillis();
        if (lo > hi) {
            throw new IllegalArgumentException("interval join: lower bound " + lower + " is above upper bound " + upper);
        }
        this.lower = lo;
        this.upper = hi;
        this.bounded = true;
        return this;
    }

    /** Excludes the lower bound. */
    public IntervalJoin<L, R, K> lowerBoundExclusive() {
        this.lowerExclusive = true;
        return this;
    }

    /** Excludes the upper bound. */
    public IntervalJoin<L, R, K> upperBoundExclusive() {
        this.upperExclusive = true;
        return this;
    }

    /** Completes the join with the function that processes each joined pair. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <O> DataStream<O> process(ProcessJoinFunction<L, R, O> function) {
        Objects.requireNonNull(function, "function");
        if (!bounded) {
            throw new IllegalStateException("interval join: call between(lower, upper) before process(...)");
        }
        var env = left.environment();
        DataStream<TaggedUnion<L, R>> l = unkeyed(left).map(TaggedUnion::<L, R>left).name("interval-join-left");
        DataStream<TaggedUnion<L, R>> r = unkeyed(right).map(TaggedUnion::<L, R>right).name("interval-join-right");
        KeySelector<? super L, K> leftKey = left.keySelector();
        KeySelector<? super R, K> rightKey = right.keySelector();
        KeySelector<TaggedUnion<L, R>, K> unionKey = u -> u.isLeft() ? leftKey.getKey(u.one()) : rightKey.getKey(u.two());
        var partition = new PartitionTransformation<>(env.nextId(), l.union(r).transformation(),
                new Partitioning.KeyGroups(unionKey));
        long lo = lowerExclusive ? lower + 1 : lower;
        long hi = upperExclusive ? upper - 1 : upper;
        if (lo > hi) {
            throw new IllegalArgumentException("interval join: the exclusive bounds leave an empty interval");
        }
        var keyed = new KeyedStream<>(env, partition, unionKey);
        return keyed.oneInput("interval-join", new OperatorSpec.IntervalJoin(unionKey, lo, hi, (ProcessJoinFunction) function), null);
    }

    /** The stream before {@code keyBy}. */
    private static <T> DataStream<T> unkeyed(KeyedStream<T, ?> keyed) {
        Transformation<T> t = keyed.transformation();
        if (t instanceof PartitionTransformation<T> p) {
            return new DataStream<>(keyed.environment(), p.input());
        }
        throw new IllegalStateException("a keyed stream must come from keyBy");
    }
}
