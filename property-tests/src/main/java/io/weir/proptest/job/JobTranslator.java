package io.weir.proptest.job;

import io.weir.api.StreamEnvironment;
import io.weir.api.datastream.DataStream;
import io.weir.api.eventtime.WatermarkGenerator;
import io.weir.api.eventtime.WatermarkOutput;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.functions.ProcessWindowFunction;
import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Ev;
import io.weir.proptest.pipeline.KeyedStage;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.proptest.pipeline.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Pipeline} as a Weir job through the public API only. Sources, their watermark
 * generators and pre-stages run at parallelism 1; the keyed stage, post-stages and the sink at the
 * environment's parallelism. Every operator has a stable uid, so that savepoints map onto a job built
 * with another parallelism.
 *
 * <h2>Thread safety</h2>
 * Stateless; {@link #build} is called on the thread that builds the job.
 */
public final class JobTranslator {
    private JobTranslator() {
    }

    /** Adds {@code pipeline} to {@code env}, ending in a {@link TransactionalSink} into store {@code storeName}. */
    public static void build(StreamEnvironment env, Pipeline pipeline, String storeName) {
        List<DataStream<Ev>> branches = new ArrayList<>();
        for (int b = 0; b < pipeline.branches().size(); b++) {
            Branch branch = pipeline.branches().get(b);
            DataStream<Ev> stream = env.fromSource(new PipelineSource("branch-" + b, branch), "source-" + b)
                    .uid("source-" + b).setParallelism(1)
                    .assignTimestampsAndWatermarks(perRecordWatermarks()).uid("watermarks-" + b).setParallelism(1)
                    .filter(item -> !item.tick()).uid("drop-ticks-" + b).setParallelism(1)
                    .map(item -> Ev.of(item.key(), item.value(), item.ts())).returns(Ev.class)
                    .uid("to-ev-" + b).setParallelism(1);
            for (int s = 0; s < branch.pre().size(); s++) {
                stream = stream.flatMap(new StageFunction(branch.pre().get(s))).returns(Ev.class)
                        .uid("pre-" + b + "-" + s).setParallelism(1);
            }
            branches.add(stream);
        }
        DataStream<Ev> stream = branches.getFirst();
        if (branches.size() > 1) {
            @SuppressWarnings("unchecked")
            DataStream<Ev>[] others = branches.subList(1, branches.size()).toArray(DataStream[]::new);
            stream = stream.union(others);
        }
        if (pipeline.keyed() != null) {
            stream = keyed(stream, pipeline.keyed()).uid("keyed");
        }
        for (int s = 0; s < pipeline.post().size(); s++) {
            stream = stream.flatMap(new StageFunction(pipeline.post().get(s))).returns(Ev.class).uid("post-" + s);
        }
        stream.sinkTo(new TransactionalSink(storeName)).uid("sink");
    }

    private static DataStream<Ev> keyed(DataStream<Ev> stream, KeyedStage stage) {
        var byKey = stream.keyBy(Ev::key);
        return switch (stage) {
            case KeyedStage.RollingReduce r -> byKey.reduce(KeyedStage.RollingReduce::reduce);
            case KeyedStage.CountingProcess c -> byKey.process(new CountingFunction()).returns(Ev.class);
            case KeyedStage.Window w -> byKey.window(assigner(w.kind()))
                    .allowedLateness(Duration.ofMillis(w.lateness()))
                    .aggregate(new CountAndSum(), new WindowResult()).returns(Ev.class);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WindowAssigner<Object, TimeWindow> assigner(KeyedStage.WindowKind kind) {
        WindowAssigner assigner = switch (kind) {
            case KeyedStage.Tumbling t -> TumblingEventTimeWindows.of(Duration.ofMillis(t.size()));
            case KeyedStage.Sliding s -> SlidingEventTimeWindows.of(Duration.ofMillis(s.size()), Duration.ofMillis(s.slide()));
            case KeyedStage.Session s -> EventTimeSessionWindows.withGap(Duration.ofMillis(s.gap()));
        };
        return assigner;
    }

    /** A watermark after every item: the one the item carries (a stateless generator, so replay-safe). */
    private static WatermarkStrategy<SourceItem> perRecordWatermarks() {
        return WatermarkStrategy.<SourceItem>forGenerator(clock -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(SourceItem item, long timestamp, WatermarkOutput output) {
                output.emitWatermark(item.wm());
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((item, ts) -> item.ts());
    }

    /** A stateless {@link Stage} as a flatMap function. */
    static final class StageFunction implements FlatMapFunction<Ev, Ev> {
        private static final long serialVersionUID = 1L;
        private final Stage stage;

        StageFunction(Stage stage) {
            this.stage = stage;
        }

        @Override
        public void flatMap(Ev value, Collector<Ev> out) {
            stage.apply(value, out::collect);
        }
    }

    /** {@link KeyedStage.CountingProcess}: a counter per key in value state. */
    static final class CountingFunction extends KeyedProcessFunction<Integer, Ev, Ev> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Ev e, Context<Integer> ctx, Collector<Ev> out) throws Exception {
            Long c = count.value();
            long next = c == null ? 1 : c + 1;
            count.update(next);
            out.collect(new Ev(e.key(), e.value(), e.ts(), next, 0));
        }
    }

    /** The accumulator of a window: number of records and sum of values. */
    public record Acc(long count, long sum) {
    }

    static final class CountAndSum implements AggregateFunction<Ev, Acc, Acc> {
        private static final long serialVersionUID = 1L;

        @Override
        public Acc createAccumulator() {
            return new Acc(0, 0);
        }

        @Override
        public Acc add(Ev value, Acc acc) {
            return new Acc(acc.count() + 1, acc.sum() + value.value());
        }

        @Override
        public Acc getResult(Acc acc) {
            return acc;
        }

        @Override
        public Acc merge(Acc a, Acc b) {
            return new Acc(a.count() + b.count(), a.sum() + b.sum());
        }
    }

    static final class WindowResult extends ProcessWindowFunction<Acc, Ev, Integer, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Integer key, Context context, Iterable<Acc> elements, Collector<Ev> out) {
            for (Acc acc : elements) {
                TimeWindow w = context.window();
                out.collect(new Ev(key, acc.sum(), w.start(), w.end(), acc.count()));
            }
        }
    }
}
