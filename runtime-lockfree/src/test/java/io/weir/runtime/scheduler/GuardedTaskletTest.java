package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.runtime.scheduler.TestSchedulerContext.Failure;
import io.weir.spi.scheduler.ProgressState;
import org.junit.jupiter.api.Test;

import static io.weir.runtime.scheduler.RecordingTasklet.always;
import static org.assertj.core.api.Assertions.assertThat;

class GuardedTaskletTest {
    private final TestSchedulerContext context = new TestSchedulerContext(new Configuration(), 1);

    @Test
    void shouldInitOnlyBeforeTheFirstCall() {
        RecordingTasklet tasklet = RecordingTasklet.of("t", always(ProgressState.NO_PROGRESS));
        GuardedTasklet guarded = new GuardedTasklet(tasklet, context);

        assertThat(guarded.step()).isEqualTo(ProgressState.NO_PROGRESS);
        assertThat(guarded.step()).isEqualTo(ProgressState.NO_PROGRESS);

        assertThat(tasklet.inits()).isEqualTo(1);
        assertThat(tasklet.calls()).isEqualTo(2);
    }

    @Test
    void shouldReportAFailingInitAndSkipTheCall() {
        RuntimeException failure = new RuntimeException("init");
        RecordingTasklet tasklet = RecordingTasklet.failingInit("t", failure);

        assertThat(new GuardedTasklet(tasklet, context).step()).isEqualTo(ProgressState.DONE);

        assertThat(tasklet.calls()).isZero();
        assertThat(context.failures()).containsExactly(new Failure(tasklet, failure));
    }

    @Test
    void shouldReportANullResultAsAFailure() {
        RecordingTasklet tasklet = RecordingTasklet.of("nulls", i -> null);

        assertThat(new GuardedTasklet(tasklet, context).step()).isEqualTo(ProgressState.DONE);

        assertThat(context.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.tasklet()).isSameAs(tasklet);
            assertThat(failure.cause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("nulls");
        });
    }
}
