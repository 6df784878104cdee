package io.weir.proptest;

import io.weir.api.config.ExchangeMode;
import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.job.RunConfig;
import io.weir.proptest.job.Scenario;
import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Input;
import io.weir.proptest.pipeline.KeyedStage;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.proptest.pipeline.Stage;
import io.weir.runtime.fault.FaultPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The generators of the properties: pipelines with their inputs (skewed keys, out-of-order and late
 * records, sizes up to tens of thousands), run configurations and failure schedules. Everything shrinks
 * towards small inputs, few stages, parallelism 1 and no failures.
 */
final class Generators {
    /** The largest input of one branch. */
    static final int MAX_RECORDS = 20_000;

    private Generators() {
    }

    // ---- pipelines -----------------------------------------------------------------------------------

    static Arbitrary<Pipeline> pipelines() {
        return Arbitraries.frequencyOf(
                Tuple.of(7, singleBranch()),
                Tuple.of(3, union()));
    }

    private static Arbitrary<Pipeline> singleBranch() {
        Arbitrary<Branch> branch = Combinators.combine(
                        Arbitraries.integers().between(0, 10),
                        stages(true, 3))
                .flatAs((bound, pre) -> inputs(0, bound, false).map(in -> new Branch(in, bound, pre)));
        return Combinators.combine(branch, keyedStages(), stages(false, 2))
                .as((b, keyed, post) -> new Pipeline(List.of(b), keyed, post));
    }

    /** Two branches with disjoint keys and no late records (see {@link Pipeline}). */
    private static Arbitrary<Pipeline> union() {
        Arbitrary<Branch> first = unionBranch(0);
        Arbitrary<Branch> second = unionBranch(1);
        return Combinators.combine(first, second, keyedStages(), stages(false, 2))
                .as((a, b, keyed, post) -> new Pipeline(List.of(a, b), keyed, post));
    }

    private static Arbitrary<Branch> unionBranch(int index) {
        return Combinators.combine(Arbitraries.integers().between(1, 10), stages(false, 2))
                .flatAs((bound, pre) -> inputs(index, bound, true).map(in -> new Branch(in, bound, pre)));
    }

    /**
     * Inputs with keys {@code 100 * keySpace + k} (k skewed towards 0), timestamps moving forward by 0-3 ms
     * and jittered back by up to {@code bound + 8} ms (late records), or by at most {@code bound - 1} ms
     * when {@code noLateRecords} (every record then at least 2 ms ahead of the watermark).
     */
    static Arbitrary<List<Input>> inputs(int keySpace, int bound, boolean noLateRecords) {
        Arbitrary<Integer> keys = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0)),
                Tuple.of(6, Arbitraries.integers().between(0, 15)));
        int maxJitter = noLateRecords ? bound - 1 : bound + 8;
        Arbitrary<int[]> step = Combinators.combine(keys, Arbitraries.integers().between(-50, 50),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, maxJitter))
                .as((k, v, advance, jitter) -> new int[]{k, v, advance, jitter});
        // biased sizes: mostly small, sometimes thousands, up to MAX_RECORDS; a list (not a flatMap on the
        // size) so that shrinking removes records rather than regenerating them
        return step.list().ofMaxSize(MAX_RECORDS).withSizeDistribution(RandomDistribution.biased()).map(steps -> {
            List<Input> inputs = new ArrayList<>(steps.size());
            long t = 0;
            for (int[] s : steps) {
                t += s[2];
                inputs.add(new Input(100 * keySpace + s[0], s[1], Math.max(0, t - s[3])));
            }
            return inputs;
        });
    }

    static Arbitrary<List<Stage>> stages(boolean mayMapKeys, int max) {
        Arbitrary<Stage> mapValue = Combinators.combine(Arbitraries.longs().between(-3, 3), Arbitraries.longs().between(-10, 10))
                .as(Stage.MapValue::new);
        Arbitrary<Stage> filter = Arbitraries.integers().between(2, 7)
                .flatMap(mod -> Arbitraries.integers().between(0, mod - 1).map(rem -> new Stage.Filter(mod, rem)));
        Arbitrary<Stage> flatMap = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(6, Arbitraries.integers().between(1, 2)),
                Tuple.of(1, Arbitraries.just(3))).map(Stage.FlatMap::new);
        Arbitrary<Stage> mapKey = Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(1, 16)).as(Stage.MapKey::new);
        Arbitrary<Stage> stage = mayMapKeys
                ? Arbitraries.oneOf(mapValue, filter, flatMap, mapKey)
                : Arbitraries.oneOf(mapValue, filter, flatMap);
        return stage.list().ofMinSize(0).ofMaxSize(max);
    }

    static Arbitrary<KeyedStage> keyedStages() {
        Arbitrary<Long> lateness = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs().between(1, 20)));
        Arbitrary<KeyedStage.WindowKind> tumbling = Arbitraries.longs().between(1, 50).map(KeyedStage.Tumbling::new);
        Arbitrary<KeyedStage.WindowKind> sliding = Arbitraries.longs().between(1, 12)
                .flatMap(slide -> Arbitraries.longs().between(1, 10).map(times -> new KeyedStage.Sliding(slide * times, slide)));
        Arbitrary<KeyedStage.WindowKind> session = Arbitraries.longs().between(1, 30).map(KeyedStage.Session::new);
        Arbitrary<KeyedStage> window = Combinators.combine(Arbitraries.oneOf(tumbling, sliding, session), lateness)
                .as(KeyedStage.Window::new);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.<KeyedStage>just(null)),
                Tuple.of(2, Arbitraries.just(new KeyedStage.RollingReduce())),
                Tuple.of(2, Arbitraries.just(new KeyedStage.CountingProcess())),
                Tuple.of(5, window));
    }

    // ---- configurations and failures -----------------------------------------------------------------

    /** Run configurations; {@code realShare} of ten run on the dedicated or cooperative scheduler. */
    static Arbitrary<RunConfig> configs(int realShare, Arbitrary<Integer> restartAttempts) {
        Arbitrary<String> schedulers = Arbitraries.frequencyOf(
                Tuple.of(10 - realShare, Arbitraries.just("simulation")),
                Tuple.of(realShare, Arbitraries.of("dedicated", "cooperative")));
        Arbitrary<Integer> parallelism = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> maxParallelism = Arbitraries.of(4, 16, 128);
        Arbitrary<String> backends = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("heap")), Tuple.of(1, Arbitraries.just("rocksdb")));
        return Combinators.combine(parallelism, maxParallelism, schedulers, Arbitraries.of(ExchangeMode.class), backends,
                        Arbitraries.longs().between(1, 200).withDistribution(RandomDistribution.biased()), restartAttempts, Arbitraries.longs().between(0, 20))
                .flatAs((p, maxP, scheduler, mode, backend, interval, attempts, delay) -> Arbitraries.longs()
                        .map(seed -> new RunConfig(p, maxP, scheduler, mode, backend, interval, attempts,
                                scheduler.equals("simulation") ? delay : 0, seed)));
    }

    /** 0-5 failures at any fault point; counts small enough to land during the run (and its recoveries). */
    static Arbitrary<FailureSchedule> failureSchedules() {
        Arbitrary<FailureSchedule.Failure> failure = Arbitraries.of(FaultPoint.class)
                .flatMap(point -> callCounts(point).map(after -> new FailureSchedule.Failure(point, after)));
        return failure.list().ofMinSize(0).ofMaxSize(5).withSizeDistribution(RandomDistribution.uniform())
                .map(FailureSchedule::new);
    }

    private static Arbitrary<Long> callCounts(FaultPoint point) {
        return switch (point) {
            case SOURCE_READ, USER_FUNCTION, CHANNEL_HANDOFF -> Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.longs().between(1, 5)),
                    Tuple.of(3, Arbitraries.longs().between(1, 2_000).withDistribution(RandomDistribution.biased())));
            default -> Arbitraries.longs().between(1, 4);
        };
    }

    /** Scenarios whose restart strategy allows every failure of the schedule. */
    static Arbitrary<Scenario> recoverableScenarios(int realShare) {
        return failureSchedules().flatMap(f -> Combinators.combine(pipelines(),
                        configs(realShare, Arbitraries.just(f.failures().size())))
                .as((p, c) -> new Scenario(p, c, f)));
    }

    /** Scenarios whose restart strategy may run out before the failures do (0-3 attempts). */
    static Arbitrary<Scenario> scenariosWithFewRestarts() {
        return Combinators.combine(pipelines(), configs(0, Arbitraries.integers().between(0, 3)), failureSchedules())
                .as(Scenario::new);
    }
}
