package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.weir.runtime.scheduler.RecordingTasklet.finishingAfter;
import static org.assertj.core.api.Assertions.assertThat;

class DedicatedSchedulerTest extends SchedulerContractTest {

    @Override
    protected SchedulerFactory factory() {
        return new DedicatedSchedulerFactory();
    }

    @Test
    void shouldRunEachTaskletOnANamedDaemonThreadOfItsOwn() throws InterruptedException {
        TestSchedulerContext context = context(new Configuration());
        List<RecordingTasklet> tasklets = List.of(
                RecordingTasklet.of("a", finishingAfter(20)),
                RecordingTasklet.of("b", finishingAfter(20)),
                RecordingTasklet.of("map -> filter (3/4)", finishingAfter(20)));
        Scheduler scheduler = start(context, tasklets);

        Await.until("every tasklet is done", () -> tasklets.stream().allMatch(RecordingTasklet::isDone));
        stopAndAwait(scheduler);

        for (RecordingTasklet tasklet : tasklets) {
            assertThat(tasklet.callThreads()).singleElement().satisfies(thread -> {
                assertThat(thread.getName()).isEqualTo("weir-test-job-" + tasklet.name());
                assertThat(thread.isDaemon()).isTrue();
            });
        }
        assertThat(context.probes()).containsOnlyKeys(
                "weir-test-job-a", "weir-test-job-b", "weir-test-job-map -> filter (3/4)");
    }
}
