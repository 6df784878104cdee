package io.weir.api.datastream;

import io.weir.api.annotation.Stable;
import io.weir.api.functions.Collector;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window join of two streams, as Flink's {@code JoinedStreams}: records of both streams with equal
 * keys that fall into the same window are joined pairwise (an inner join), when the window fires.
 * Built like Flink's: both streams are tagged, unioned, keyed and windowed, so window assignment,
 * triggers, lateness and results follow the window semantics exactly; each result carries the
 * window's max timestamp.
 *
 * <pre>{@code
 * bids.join(auctions).where(Bid::auction).equalTo(Auction::id)
 *     .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *     .apply((bid, auction) -> new Enriched(bid, auction));
 * }</pre>
 *
 * @param <L> left type
 * @param <R> right type
 */
@Stable
public final class JoinedStreams<L, R> {
    private final DataStream<L> left;
    private final DataStream<R> right;

    public JoinedStreams(DataStream<L> left, DataStream<R> right) {
        if (left.environment() != right.environment()) {
            throw new IllegalArgumentException("cannot join streams of different StreamEnvironments");
        }
        this.left = left;
        this.right = right;
    }

    /** The key of left records. */
    public <K> Where<K> where(KeySelector<L, K> leftKey) {
        return new Where<>(Objects.requireNonNull(leftKey, "leftKey"));
    }

    /** After {@code where}: the key of right records. */
    @Stable
    public final class Where<K> {
        private final KeySelector<L, K> leftKey;

        Where(KeySelector<L, K> leftKey) {
            this.leftKey = leftKey;
        }

        /** The key of right records; must equal the left key for records to join. */
        public EqualTo equalTo(KeySelector<R, K> rightKey) {
            return new EqualTo(Objects.requireNonNull(rightKey, "rightKey"));
        }

        /** After {@code equalTo}: the windows. */
        @Stable
        public final class EqualTo {
            private final KeySelector<R, K> rightKey;

            EqualTo(KeySelector<R, K> rightKey) {
                this.rightKey = rightKey;
            }

            /** Joins within the windows of {@code assigner}. */
            public <W extends Window> WithWindow<W> window(WindowAssigner<? super TaggedUnion<L, R>, W> assigner) {
                return new WithWindow<>(rightKey, Objects.requireNonNull(assigner, "assigner"));
            }
        }

        /** A configured window join; finish it with {@link #apply}. */
        @Stable
        public final class WithWindow<W extends Window> {
            private final KeySelector<R, K> rightKey;
            private final WindowAssigner<? super TaggedUnion<L, R>, W> assigner;
            private Trigger<? super TaggedUnion<L, R>, ? super W> trigger;
            private Duration allowedLateness = Duration.ZERO;

            WithWindow(KeySelector<R, K> rightKey, WindowAssigner<? super TaggedUnion<L, R>, W> assigner) {
                this.rightKey = rightKey;
                this.assigner = assigner;
            }

            /** Replaces the assigner's default trigger. */
            public WithWindow<W> trigger(Trigger<? super TaggedUnion<L, R>, ? super W> newTrigger) {
                this.trigger = Objects.requireNonNull(newTrigger, "trigger");
                return this;
            }

            /** Lets late records re-fire their window within {@code lateness}. */
            public WithWindow<W> allowedLateness(Duration lateness) {
                this.allowedLateness = Objects.requireNonNull(lateness, "lateness");
                return this;
            }

            /** Joins each pair of left and right records of one key and window with {@code function}. */
            public <O> DataStream<O> apply(JoinFunction<L, R, O> function) {
                Objects.requireNonNull(function, "function");
                DataStream<TaggedUnion<L, R>> l = left.map(TaggedUnion::<L, R>left).name("join-left");
                DataStream<TaggedUnion<L, R>> r = right.map(TaggedUnion::<L, R>right).name("join-right");
                KeySelector<L, K> lk = leftKey;
                KeySelector<R, K> rk = rightKey;
                KeySelector<TaggedUnion<L, R>, K> unionKey = u -> u.isLeft() ? lk.getKey(u.one()) : rk.getKey(u.two());
                WindowedStream<TaggedUnion<L, R>, K, W> windowed = l.union(r).keyBy(unionKey).window(assigner);
                if (trigger != null) {
                    windowed.trigger(trigger);
                }
                windowed.allowedLateness(allowedLateness);
                DataStream<O> joined = windowed.process(new JoinWindowFunction<>(function));
                return joined.name("window-join");
            }
        }
    }

    /** Splits a window's tagged records into both sides and emits every pair, left order first. */
    static final class JoinWindowFunction<L, R, K, W extends Window, O>
            extends ProcessWindowFunction<TaggedUnion<L, R>, O, K, W> {
        private final JoinFunction<L, R, O> join;

        JoinWindowFunction(JoinFunction<L, R, O> join) {
            this.join = join;
        }

        @Override
        public void process(K key, Context context, Iterable<TaggedUnion<L, R>> elements, Collector<O> out) throws Exception {
            List<L> lefts = new ArrayList<>();
            List<R> rights = new ArrayList<>();
            for (TaggedUnion<L, R> e : elements) {
                if (e.isLeft()) {
                    lefts.add(e.one());
                } else {
                    rights.add(e.two());
                }
            }
            for (L l : lefts) {
                for (R r : rights) {
                    out.collect(join.join(l, r));
                }
            }
        }
    }
}
