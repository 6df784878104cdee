package io.weir.runtime.execution;

import io.weir.api.JobClient;
import io.weir.api.JobFailedException;
import io.weir.api.JobResult;
import io.weir.api.JobStatus;
import io.weir.api.StreamEnvironment;
import io.weir.api.codec.CodecException;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.CollectSink;
import io.weir.api.connector.Sinks;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.MapFunction;
import io.weir.api.metrics.JobMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobLifecycleTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private static StreamEnvironment env(String scheduler) {
        return StreamEnvironment.create().setParallelism(2).configure(ExecutionOptions.SCHEDULER, scheduler);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dedicated", "cooperative"})
    void shouldFailJobNamingOperatorAndSubtaskWhenUserFunctionThrows(String scheduler) throws Exception {
        var env = env(scheduler);
        env.fromSequence(1, 100_000).rebalance()
                .map(x -> {
                    if (x == 5_000) {
                        throw new IllegalStateException("boom at " + x);
                    }
                    return x;
                }).name("explode")
                .sinkTo(Sinks.discard());
        JobClient client = env.executeAsync("failing");
        assertThatThrownBy(() -> client.await(BOUND))
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("explode")
                .hasMessageContaining("boom at 5000")
                .satisfies(e -> {
                    JobFailedException f = (JobFailedException) e;
                    assertThat(f.operatorName()).isEqualTo("explode");
                    assertThat(f.subtaskIndex()).isBetween(0, 1);
                    assertThat(f.getCause()).isInstanceOf(IllegalStateException.class);
                });
        assertThat(client.status()).isEqualTo(JobStatus.FAILED);
    }

    /** Records lifecycle calls in a static list: each subtask runs its own copy of the function. */
    static final class Tracking implements MapFunction<Long, Long>, RichFunction {
        static final List<String> EVENTS = new CopyOnWriteArrayList<>();

        @Override
        public void open(RuntimeContext context) {
            EVENTS.add("open " + context.operatorName() + " " + context.subtaskIndex() + "/" + context.parallelism());
        }

        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void close() {
            EVENTS.add("close");
        }
    }

    @Test
    void shouldGiveEachSubtaskItsOwnRichFunctionAndCloseIt() {
        List<String> events = Tracking.EVENTS;
        events.clear();
        var env = env("cooperative");
        env.fromSequence(1, 10).map(new Tracking()).name("tracked").sinkTo(Sinks.discard());
        env.execute("rich");
        assertThat(events).containsExactlyInAnyOrder("open tracked 0/2", "open tracked 1/2", "close", "close");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dedicated", "cooperative"})
    void shouldCancelAnUnboundedJob(String scheduler) throws Exception {
        var env = env(scheduler);
        CollectSink<Long> sink = Sinks.collect();
        env.fromSource(new EndlessSource(), "endless").filter(x -> x % 1000 == 0).sinkTo(sink);
        JobClient client = env.executeAsync("endless");
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (sink.results().size() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(client.status()).isEqualTo(JobStatus.RUNNING);
        client.cancel();
        JobResult result = client.await(BOUND);
        assertThat(result.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(client.status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void shouldFailInsteadOfHangingWhenSchedulerNeverRunsTasklets() {
        var env = env("test-never-runs").configure(ExecutionOptions.WATCHDOG_TIMEOUT, Duration.ofMillis(300));
        env.fromSequence(1, 10).sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env.executeAsync("starved").await(BOUND))
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("made no progress")
                .hasMessageContaining("has not called")
                .hasMessageContaining("test-never-runs");
    }

    @Test
    void shouldFailWhenSchedulerThrowsOnStart() {
        var env = env("test-throws-on-start");
        env.fromSequence(1, 10).sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env.executeAsync("broken").await(BOUND))
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("test-throws-on-start")
                .hasMessageContaining("broken on purpose");
    }

    @Test
    void shouldRejectUnknownSchedulerListingTheAvailableOnes() {
        var env = env("no-such");
        env.fromSequence(1, 10).sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env.executeAsync("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such")
                .hasMessageContaining("cooperative")
                .hasMessageContaining("dedicated");
    }

    static final class NoCodec {
        final int x;

        NoCodec(int x) {
            this.x = x;
        }
    }

    @Test
    void shouldRejectDeclaredTypeWithoutCodecWhenJobIsBuilt() {
        var env = env("cooperative").configure(ExecutionOptions.EXCHANGE_MODE, ExchangeMode.SERIALIZED);
        env.fromSequence(1, 10).map(x -> new NoCodec(x.intValue())).returns(NoCodec.class).rebalance().sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env.executeAsync("no codec"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(NoCodec.class.getName());
    }

    @Test
    void shouldFailAtRunTimeWhenUndeclaredTypeHasNoCodec() {
        var env = env("cooperative").configure(ExecutionOptions.EXCHANGE_MODE, ExchangeMode.SERIALIZED);
        env.fromSequence(1, 10).map(x -> new NoCodec(x.intValue())).rebalance().sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env.executeAsync("no codec").await(BOUND))
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining(NoCodec.class.getName());
    }

    @Test
    void shouldRejectInvalidPlans() {
        var env = env("cooperative");
        env.fromElements(1, 2, 3).setParallelism(2).sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env.executeAsync("parallel collection"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not parallel");

        var env2 = env("cooperative");
        env2.fromSequence(1, 10).map(x -> x).setParallelism(1).forward().map(x -> x).setParallelism(2).sinkTo(Sinks.discard());
        assertThatThrownBy(() -> env2.executeAsync("bad forward"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward partitioning needs equal parallelism");

        var env3 = env("cooperative");
        env3.fromSequence(1, 10);
        assertThatThrownBy(() -> env3.executeAsync("no sink"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no sink");

        var env4 = env("cooperative");
        assertThatThrownBy(() -> env4.fromSequence(1, 10).rebalance().setParallelism(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rebalance");
    }

    @Test
    void shouldReportMetricsAfterTheJobEnds() {
        var env = env("cooperative");
        env.fromSequence(1, 1_000).name("numbers").filter(x -> x % 2 == 0).name("evens").rebalance()
                .map(x -> x).name("identity").sinkTo(Sinks.discard()).name("drop");
        JobResult result = env.execute("metrics");
        JobMetrics m = result.metrics();
        assertThat(m.recordsOut("numbers")).isEqualTo(1_000);
        assertThat(m.recordsIn("evens")).isEqualTo(1_000);
        assertThat(m.recordsOut("evens")).isEqualTo(500);
        assertThat(m.recordsIn("identity")).isEqualTo(500);
        assertThat(m.recordsIn("drop")).isEqualTo(500);
        assertThat(m.channels()).hasSize(4).allSatisfy(c -> {
            assertThat(c.size()).isZero();
            assertThat(c.capacity()).isPositive();
        });
        assertThat(m.workers()).isNotEmpty();
        assertThat(m.workers().stream().mapToLong(w -> w.busyNanos() + w.idleNanos()).sum()).isPositive();
    }
}
