package io.weir.proptest;

import io.weir.proptest.job.CommitStore;
import io.weir.proptest.job.Scenario;
import io.weir.proptest.job.TrialRunner;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulated run, failures and recovery included, is a pure function of its scenario and seed. */
@AddLifecycleHook(CounterexampleHook.class)
class ReplayProperties {

    @Property(tries = 10)
    void replayingASeedReproducesTheRunExactly(@ForAll("simulated") Scenario scenario) {
        String a = "replay-" + System.nanoTime();
        String b = "replay-" + System.nanoTime();
        try {
            TrialRunner.Result first = TrialRunner.run(scenario, a);
            TrialRunner.Result second = TrialRunner.run(scenario, b);
            Campaign.count(scenario.pipeline().inputCount(), first, true);
            Campaign.count(scenario.pipeline().inputCount(), second, true);
            assertThat(second.traceHash()).as("trace hash").isEqualTo(first.traceHash());
            assertThat(second.steps()).isEqualTo(first.steps());
            assertThat(second.status()).isEqualTo(first.status());
            assertThat(second.restarts()).isEqualTo(first.restarts());
            assertThat(second.fired()).isEqualTo(first.fired());
            assertThat(second.checkpoints()).isEqualTo(first.checkpoints());
            assertThat(CommitStore.named(b).output()).containsExactlyElementsOf(CommitStore.named(a).output());
        } finally {
            CommitStore.drop(a);
            CommitStore.drop(b);
        }
    }

    @Provide
    Arbitrary<Scenario> simulated() {
        return Generators.recoverableScenarios(0);
    }
}
