package io.weir.proptest;

import io.weir.api.config.ExchangeMode;
import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.job.RunConfig;
import io.weir.proptest.job.Scenario;
import io.weir.proptest.job.TrialRunner;
import io.weir.proptest.model.ReferenceModel;
import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Input;
import io.weir.proptest.pipeline.KeyedStage;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.proptest.pipeline.Stage;
import io.weir.runtime.fault.FaultPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationSmokeTest {

    static List<Input> inputs(int n, long seed) {
        Random r = new Random(seed);
        List<Input> in = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(4);
            in.add(new Input(r.nextInt(5), r.nextInt(100), Math.max(0, t - r.nextInt(8))));
        }
        return in;
    }

    @Test
    void shouldCommitTheModelOutputOfAWindowedPipelineWithFailures() {
        Pipeline p = new Pipeline(List.of(new Branch(inputs(2000, 1), 3, List.of(new Stage.MapValue(2, 1)))),
                new KeyedStage.Window(new KeyedStage.Sliding(20, 5), 4), List.of(new Stage.Filter(7, 3)));
        Scenario s = new Scenario(p, new RunConfig(2, 16, "simulation", ExchangeMode.OBJECT, "heap", 20, 5, 0, 42),
                new FailureSchedule(List.of(new FailureSchedule.Failure(FaultPoint.SOURCE_READ, 100),
                        new FailureSchedule.Failure(FaultPoint.AFTER_PRECOMMIT, 1))));
        String store = "smoke-" + System.nanoTime();
        TrialRunner.Result r = TrialRunner.run(s, store);
        System.out.println(r.status() + " restarts " + r.restarts() + " checkpoints " + r.checkpoints() + " steps " + r.steps() + " hash " + r.traceHash());
        assertThat(r.status()).isEqualTo(TrialRunner.Status.FINISHED);
        assertThat(Outputs.multisetDifference(ReferenceModel.run(p), TrialRunner.committed(store))).isNull();
        for (int i = 0; i < 3; i++) {
            String store2 = "smoke-" + System.nanoTime();
            TrialRunner.Result again = TrialRunner.run(s, store2);
            System.out.println(again.status() + " restarts " + again.restarts() + " checkpoints " + again.checkpoints() + " steps " + again.steps() + " hash " + again.traceHash());
        }
        Scenario quiet = new Scenario(p, s.config(), FailureSchedule.none());
        TrialRunner.Result q = TrialRunner.run(quiet, "smoke-" + System.nanoTime());
        System.out.println(q.status() + " restarts " + q.restarts() + " checkpoints " + q.checkpoints() + " steps " + q.steps() + " hash " + q.traceHash());
    }
}
