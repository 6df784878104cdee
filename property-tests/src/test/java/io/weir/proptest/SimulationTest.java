package io.weir.proptest;

import io.weir.api.JobClient;
import io.weir.api.JobStatus;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.RecoveryOptions;
import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.job.CommitStore;
import io.weir.proptest.job.JobTranslator;
import io.weir.proptest.job.RunConfig;
import io.weir.proptest.job.Scenario;
import io.weir.proptest.job.TrialRunner;
import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Input;
import io.weir.proptest.pipeline.KeyedStage;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.proptest.pipeline.Stage;
import io.weir.proptest.simulation.Simulation;
import io.weir.proptest.simulation.SimulationSchedulerFactory;
import io.weir.runtime.fault.FaultPoint;
import io.weir.spi.scheduler.IdleStrategy;
import io.weir.spi.scheduler.SchedulerContext;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.scheduler.Tasklet;
import io.weir.spi.scheduler.WorkerProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code simulation} scheduler: found by name, refuses to run without its world, and replays exactly. */
class SimulationTest {

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

    static Scenario windowedWithFailures(long seed) {
        Pipeline p = new Pipeline(List.of(new Branch(inputs(3_000, 1), 3, List.of(new Stage.MapValue(2, 1)))),
                new KeyedStage.Window(new KeyedStage.Sliding(20, 5), 4), List.of(new Stage.Filter(7, 3)));
        return new Scenario(p, new RunConfig(3, 16, "simulation", ExchangeMode.SERIALIZED, "heap", 20, 5, 3, seed),
                new FailureSchedule(List.of(new FailureSchedule.Failure(FaultPoint.SOURCE_READ, 100),
                        new FailureSchedule.Failure(FaultPoint.AFTER_PRECOMMIT, 1),
                        new FailureSchedule.Failure(FaultPoint.USER_FUNCTION, 3))));
    }

    @Test
    void shouldBeFoundByNameThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(SchedulerFactory.class).stream().map(p -> p.get().name()))
                .contains(SimulationSchedulerFactory.NAME, "dedicated", "cooperative");
    }

    @Test
    void shouldRefuseAJobWhoseConfigurationCarriesNoSimulation() {
        SchedulerContext context = new SchedulerContext() {
            @Override
            public String jobName() {
                return "lonely";
            }

            @Override
            public Configuration configuration() {
                return new Configuration();
            }

            @Override
            public int availableCores() {
                return 1;
            }

            @Override
            public IdleStrategy newIdleStrategy() {
                throw new UnsupportedOperationException();
            }

            @Override
            public WorkerProbe registerWorker(String workerName) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void reportFailure(Tasklet tasklet, Throwable cause) {
            }
        };
        assertThatThrownBy(() -> new SimulationSchedulerFactory().create(context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lonely").hasMessageContaining(Simulation.OPTION.key());
    }

    @Test
    void shouldReplayARunWithFailuresAndRestartsExactlyFromItsSeed() {
        Scenario scenario = windowedWithFailures(7);
        TrialRunner.Result first = TrialRunner.run(scenario, "replay-a");
        TrialRunner.run(windowedWithFailures(8), "replay-other");  // other work in between changes nothing
        TrialRunner.Result second = TrialRunner.run(scenario, "replay-b");

        System.out.println("trace of seed 7: " + first.steps() + " steps, hash " + first.traceHash());
        assertThat(first.status()).isEqualTo(TrialRunner.Status.FINISHED);
        assertThat(first.restarts()).isPositive();
        assertThat(first.checkpoints()).isPositive();
        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.steps()).isEqualTo(first.steps());
        assertThat(second.restarts()).isEqualTo(first.restarts());
        assertThat(second.checkpoints()).isEqualTo(first.checkpoints());
        assertThat(CommitStore.named("replay-b").output()).containsExactlyElementsOf(CommitStore.named("replay-a").output());
        ExactlyOnceProperties.assertCommittedEqualsModel(scenario.pipeline(), "replay-a");
    }

    @Test
    void shouldTakeOtherStepsWithAnotherSeed() {
        TrialRunner.Result a = TrialRunner.run(windowedWithFailures(1), "seed-1");
        TrialRunner.Result b = TrialRunner.run(windowedWithFailures(2), "seed-2");
        assertThat(a.traceHash()).isNotEqualTo(b.traceHash());
        ExactlyOnceProperties.assertCommittedEqualsModel(windowedWithFailures(1).pipeline(), "seed-1");
        ExactlyOnceProperties.assertCommittedEqualsModel(windowedWithFailures(2).pipeline(), "seed-2");
    }

    @Test
    void shouldRunTasksSupervisorAndCheckpointIoOnTheCallingThreadOnly(@TempDir Path dir) {
        Simulation simulation = new Simulation(99);
        var env = simulation.configure(StreamEnvironment.create().setParallelism(2))
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, dir.toString())
                .configure(RecoveryOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(10));
        Scenario scenario = windowedWithFailures(99);
        JobTranslator.build(env, scenario.pipeline(), "threads");
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        JobClient job = env.executeAsync("threads");
        Set<String> started = new HashSet<>();
        Simulation.Outcome outcome = simulation.run(job, 10_000_000, step -> {
            if (step % 200 == 0) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (!before.contains(t) && t.getName().contains("threads")) {
                        started.add(t.getName());
                    }
                }
            }
        });
        assertThat(outcome).isEqualTo(Simulation.Outcome.ENDED);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.checkpointHistory()).isNotEmpty();
        assertThat(started).as("threads the job started").isEmpty();
        ExactlyOnceProperties.assertCommittedEqualsModel(scenario.pipeline(), "threads");
    }
}
