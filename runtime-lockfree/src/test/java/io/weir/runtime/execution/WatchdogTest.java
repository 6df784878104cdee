package io.weir.runtime.execution;

import io.weir.runtime.task.Monitored;
import io.weir.runtime.task.Progress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WatchdogTest {
    private static final long TIMEOUT = 1_000;

    /** A tasklet inside one call that never returns; its progress is what a long call reports. */
    private static final class LongCall implements Monitored {
        final Progress progress = new Progress();

        @Override
        public String name() {
            return "window (1/1)";
        }

        @Override
        public long calls() {
            return 1 + progress.ticks();
        }

        @Override
        public boolean inCall() {
            return true;
        }

        @Override
        public boolean isFinished() {
            return false;
        }
    }

    @Test
    void shouldNotFailACallThatReportsProgress() {
        AtomicLong clock = new AtomicLong();
        LongCall call = new LongCall();
        Watchdog watchdog = new Watchdog(List.of(call), TIMEOUT, clock::get);
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(TIMEOUT / 2);
            call.progress.tick();
            assertThat(watchdog.check()).isNull();
        }
    }

    @Test
    void shouldFailACallWithoutProgressNamingTheTasklet() {
        AtomicLong clock = new AtomicLong();
        Watchdog watchdog = new Watchdog(List.of(new LongCall()), TIMEOUT, clock::get);
        clock.addAndGet(TIMEOUT / 2);
        assertThat(watchdog.check()).isNull();
        clock.addAndGet(TIMEOUT / 2);
        assertThat(watchdog.check()).contains("window (1/1)").contains("stuck inside one call");
    }
}
