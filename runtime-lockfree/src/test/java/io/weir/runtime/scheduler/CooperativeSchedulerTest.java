package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.weir.runtime.scheduler.RecordingTasklet.finishingAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CooperativeSchedulerTest extends SchedulerContractTest {

    @Override
    protected SchedulerFactory factory() {
        return new CooperativeSchedulerFactory();
    }

    private static Configuration workers(int count) {
        return new Configuration().set(ExecutionOptions.WORKERS, count);
    }

    private static List<RecordingTasklet> finishing(int count) {
        List<RecordingTasklet> tasklets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasklets.add(RecordingTasklet.of("t" + i, finishingAfter(30)));
        }
        return tasklets;
    }

    private static String threadName(RecordingTasklet tasklet) {
        assertThat(tasklet.callThreads()).as("call threads of " + tasklet).hasSize(1);
        return tasklet.initThread().getName();
    }

    private void runToDone(TestSchedulerContext context, List<RecordingTasklet> tasklets) throws InterruptedException {
        Scheduler scheduler = start(context, tasklets);
        Await.until("every tasklet is done", () -> tasklets.stream().allMatch(RecordingTasklet::isDone));
        stopAndAwait(scheduler);
    }

    @Test
    void shouldAssignTaskletsRoundRobinToNamedDaemonWorkers() throws InterruptedException {
        List<RecordingTasklet> tasklets = finishing(4);

        runToDone(context(workers(2)), tasklets);

        assertThat(tasklets).extracting(CooperativeSchedulerTest::threadName).containsExactly(
                "weir-test-job-worker-0", "weir-test-job-worker-1", "weir-test-job-worker-0", "weir-test-job-worker-1");
        assertThat(tasklets.getFirst().initThread().isDaemon()).isTrue();
    }

    @Test
    void shouldGiveANonCooperativeTaskletAThreadOfItsOwn() throws InterruptedException {
        TestSchedulerContext context = context(workers(1));
        List<RecordingTasklet> tasklets = new ArrayList<>(finishing(2));
        tasklets.add(RecordingTasklet.nonCooperative("reader", finishingAfter(30)));

        runToDone(context, tasklets);

        assertThat(tasklets).extracting(CooperativeSchedulerTest::threadName)
                .containsExactly("weir-test-job-worker-0", "weir-test-job-worker-0", "weir-test-job-reader");
        assertThat(tasklets.getLast().initThread().isDaemon()).isTrue();
        assertThat(context.probes()).containsOnlyKeys("weir-test-job-worker-0", "weir-test-job-reader");
    }

    @Test
    void shouldStartOneWorkerPerAvailableCoreWhenWorkersIsZero() throws InterruptedException {
        TestSchedulerContext context = new TestSchedulerContext(workers(0), 3);

        runToDone(context, finishing(6));

        assertThat(context.probes()).containsOnlyKeys(
                "weir-test-job-worker-0", "weir-test-job-worker-1", "weir-test-job-worker-2");
    }

    @Test
    void shouldStartNoMoreWorkersThanCooperativeTasklets() throws InterruptedException {
        TestSchedulerContext context = context(workers(4));

        runToDone(context, finishing(2));

        assertThat(context.probes()).containsOnlyKeys("weir-test-job-worker-0", "weir-test-job-worker-1");
    }

    @Test
    void shouldRejectANegativeWorkerCount() {
        TestSchedulerContext context = context(workers(-1));

        assertThatThrownBy(() -> factory().create(context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheduler.workers")
                .hasMessageContaining("-1");
    }
}
