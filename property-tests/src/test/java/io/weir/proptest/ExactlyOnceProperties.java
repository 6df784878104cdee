package io.weir.proptest;

import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.job.CommitStore;
import io.weir.proptest.job.Scenario;
import io.weir.proptest.job.TrialRunner;
import io.weir.proptest.model.ReferenceModel;
import io.weir.proptest.pipeline.Ev;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.runtime.fault.FaultInjector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weir's exactly-once claim as properties: whatever fails and whenever, the committed output of the
 * transactional sink equals the reference model's. Tries per property: {@code jqwik.tries.default}
 * (the build sets it from {@code weir.props.tries}; {@code -Plong-campaign} runs 10,000). A failing
 * sample is printed as Java ({@link Scenario#toString()}) with jqwik's seed, and written whole to
 * {@code target/counterexamples/} by {@link CounterexampleHook}; paste it into {@code RegressionExamplesTest}.
 */
@AddLifecycleHook(CounterexampleHook.class)
class ExactlyOnceProperties {
    private static final AtomicLong STORES = new AtomicLong();

    /** Property 1: the committed output equals the model (multiset; per key in order when there is a keyed stage). */
    @Property
    void committedOutputEqualsTheReferenceModel(@ForAll("recoverable") Scenario scenario) {
        String store = newStore();
        try {
            TrialRunner.Result r = TrialRunner.run(scenario, store);
            Campaign.count(scenario.pipeline().inputCount(), r, scenario.config().simulated());
            collect("scheduler", scenario.config().scheduler());
            collect("failures fired", r.fired());
            assertThat(r.status()).as("status of a run whose restarts cover every failure; %s", r)
                    .isEqualTo(TrialRunner.Status.FINISHED);
            assertCommittedEqualsModel(scenario.pipeline(), store);
        } finally {
            CommitStore.drop(store);
        }
    }

    /**
     * Property 2: stopped with a savepoint at a generated step, then restored with a generated parallelism
     * (and the scenario's failures in the restored run), the job ends with the model's output.
     */
    @Property
    void restoringASavepointWithANewParallelismEndsWithTheSameOutput(@ForAll("simulated") Scenario scenario,
                                                                      @ForAll("savepointSteps") long savepointAtStep,
                                                                      @ForAll("parallelisms") int newParallelism) throws IOException {
        String store = newStore();
        Path savepoints = Files.createTempDirectory("weir-props-savepoints-");
        try {
            restoreFromSavepoint(scenario, savepointAtStep, newParallelism, store, savepoints);
        } finally {
            CommitStore.drop(store);
            TrialRunner.deleteQuietly(savepoints);
        }
    }

    /** Property 2's run: stop with a savepoint at {@code savepointAtStep}, restore with {@code newParallelism}. */
    static void restoreFromSavepoint(Scenario scenario, long savepointAtStep, int newParallelism, String store, Path savepoints) {
        {
            Scenario first = new Scenario(scenario.pipeline(), scenario.config(), FailureSchedule.none());
            TrialRunner.Result r1 = TrialRunner.run(first, store, null, savepointAtStep, savepoints);
            Campaign.count(scenario.pipeline().inputCount(), r1, true);
            assertThat(r1.status()).as("first run: %s", r1).isEqualTo(TrialRunner.Status.FINISHED);
            collect("savepoint", r1.savepoint() != null ? "taken" : "job ended first");
            if (r1.savepoint() != null) {
                Scenario second = new Scenario(scenario.pipeline(), scenario.config().withParallelism(newParallelism)
                        .withSeed(scenario.config().seed() + 1), scenario.failures());
                TrialRunner.Result r2 = TrialRunner.run(second, store, r1.savepoint(), -1, null);
                Campaign.count(0, r2, true);
                Campaign.SAVEPOINTS.incrementAndGet();
                assertThat(r2.status()).as("restored run: %s", r2).isEqualTo(TrialRunner.Status.FINISHED);
            }
            assertCommittedEqualsModel(scenario.pipeline(), store);
        }
    }

    /**
     * Property 3: every failure is followed by recovery, or, once the restart strategy is exhausted, by a
     * clear terminal error (the injected failure); the job never hangs. A finished job committed the model's output.
     */
    @Property
    void everyFailureEndsInRecoveryOrAClearTerminalError(@ForAll("fewRestarts") Scenario scenario) {
        String store = newStore();
        try {
            recoverOrFailClearly(scenario, store);
        } finally {
            CommitStore.drop(store);
        }
    }

    static void recoverOrFailClearly(Scenario scenario, String store) {
        TrialRunner.Result r = TrialRunner.run(scenario, store);
        Campaign.count(scenario.pipeline().inputCount(), r, true);
        int attempts = scenario.config().restartAttempts();
        collect("outcome", r.status());
        {
            assertThat(r.status()).as("never hangs: %s", r).isNotEqualTo(TrialRunner.Status.HUNG);
            assertThat(r.restarts()).as("restarts within the strategy").isLessThanOrEqualTo(attempts);
            if (r.fired() <= attempts) {
                assertThat(r.status()).as("%d failures, %d restart attempts: %s", r.fired(), attempts, r)
                        .isEqualTo(TrialRunner.Status.FINISHED);
            }
            if (r.status() == TrialRunner.Status.FINISHED) {
                assertCommittedEqualsModel(scenario.pipeline(), store);
            } else {
                assertThat(r.restarts()).as("failed only once the strategy was exhausted").isEqualTo(attempts);
                assertThat(r.failure()).as("a clear terminal error").isNotNull();
                assertThat(causeChain(r.failure())).as("the terminal error names the injected failure: %s", r.failure())
                        .anyMatch(t -> t instanceof FaultInjector.InjectedFailure);
                assertThat(r.failure().getMessage()).contains("injected failure");
            }
        }
    }

    /** jqwik statistics, where there is a jqwik context (not in a shrinking thread that outlived its property). */
    private static void collect(String label, Object value) {
        try {
            Statistics.label(label).collect(value);
        } catch (RuntimeException outsideAProperty) {
            // statistics are informative only
        }
    }

    @AfterContainer
    static void printCampaign() throws IOException {
        String summary = "[property-tests] " + Campaign.summary();
        System.out.println(summary);
        Files.writeString(Path.of("target", "property-tests-summary.txt"), summary + System.lineSeparator());
    }

    // ---- checks -----------------------------------------------------------------------------------------

    static void assertCommittedEqualsModel(Pipeline pipeline, String store) {
        List<Ev> expected = ReferenceModel.run(pipeline);
        List<Ev> actual = CommitStore.named(store).output();
        assertThat(CommitStore.named(store).anomalies()).as("commit anomalies").isEmpty();
        String difference = Outputs.multisetDifference(expected, actual);
        assertThat(difference).as("committed output vs the reference model").isNull();
        if (pipeline.keyed() != null) {
            assertThat(Outputs.perKey(actual)).as("per-key order").isEqualTo(Outputs.perKey(expected));
        }
    }

    private static List<Throwable> causeChain(Throwable t) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable x = t; x != null && !chain.contains(x); x = x.getCause()) {
            chain.add(x);
            chain.addAll(List.of(x.getSuppressed()));
        }
        return chain;
    }

    private static String newStore() {
        return "props-" + STORES.incrementAndGet() + "-" + System.nanoTime();
    }

    // ---- generators ---------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Scenario> recoverable() {
        return Generators.recoverableScenarios(2);
    }

    @Provide
    Arbitrary<Scenario> simulated() {
        return Generators.recoverableScenarios(0);
    }

    @Provide
    Arbitrary<Scenario> fewRestarts() {
        return Generators.scenariosWithFewRestarts();
    }

    @Provide
    Arbitrary<Long> savepointSteps() {
        return Arbitraries.longs().between(1, 3_000).withDistribution(RandomDistribution.biased());
    }

    @Provide
    Arbitrary<Integer> parallelisms() {
        return Arbitraries.integers().between(1, 4);
    }

}
