package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.runtime.scheduler.TestSchedulerContext.Failure;
import io.weir.spi.scheduler.IdleStrategy;
import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.Scheduler;
import io.weir.spi.scheduler.SchedulerFactory;
import io.weir.spi.scheduler.Tasklet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.weir.runtime.scheduler.RecordingTasklet.always;
import static io.weir.runtime.scheduler.RecordingTasklet.finishingAfter;
import static io.weir.runtime.scheduler.RecordingTasklet.throwingOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link SchedulerFactory} must meet (see {@link Scheduler} and {@link Tasklet}). A
 * scheduler's test extends this class and implements {@link #factory()}; this class is in the
 * {@code weir-runtime-lockfree} test-jar so that plugin schedulers can run it too. Every wait is bounded
 * by {@link Await#BOUND}. A scheduler that does not use the context's idle strategies may override
 * {@link #shouldReportWorkerThatDiesUnexpectedly()} with an empty method.
 */
public abstract class SchedulerContractTest {
    private Scheduler running;

    /** The factory under test. */
    protected abstract SchedulerFactory factory();

    /** The configuration of a test job: two workers for pooled schedulers, defaults otherwise. */
    protected Configuration configuration() {
        return new Configuration().set(ExecutionOptions.WORKERS, 2);
    }

    /** A context for the configuration, with two available cores. */
    protected TestSchedulerContext context(Configuration configuration) {
        return new TestSchedulerContext(configuration, 2);
    }

    /** Creates and starts a scheduler; the test stops it, or {@link #stopScheduler()} does. */
    protected final Scheduler start(TestSchedulerContext context, List<? extends Tasklet> tasklets) {
        running = factory().create(context);
        running.start(List.copyOf(tasklets));
        return running;
    }

    /** Stops the scheduler and checks that its threads exit within the bound. */
    protected static void stopAndAwait(Scheduler scheduler) throws InterruptedException {
        scheduler.stop();
        assertThat(scheduler.awaitTermination(Await.BOUND)).as("every thread exited after stop()").isTrue();
    }

    @AfterEach
    public void stopScheduler() throws InterruptedException {
        if (running != null) {
            running.stop();
            running.awaitTermination(Await.BOUND);
        }
    }

    @Test
    public void shouldRunEveryTaskletToDone() throws InterruptedException {
        TestSchedulerContext context = context(configuration());
        List<RecordingTasklet> tasklets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasklets.add(RecordingTasklet.of("t" + i, finishingAfter(100 + 10 * i)));
        }
        tasklets.add(RecordingTasklet.nonCooperative("blocking", finishingAfter(50)));
        Scheduler scheduler = start(context, tasklets);

        Await.until("every tasklet is done", () -> tasklets.stream().allMatch(RecordingTasklet::isDone));
        stopAndAwait(scheduler);

        for (int i = 0; i < 8; i++) {
            assertThat(tasklets.get(i).calls()).as("calls of t" + i).isEqualTo(100 + 10 * i);
        }
        assertThat(tasklets.getLast().calls()).isEqualTo(50);
        assertThat(tasklets).noneMatch(RecordingTasklet::calledAfterDone);
        assertThat(context.failures()).isEmpty();
    }

    @Test
    public void shouldInitOnceBeforeTheFirstCallOnTheCallingThread() throws InterruptedException {
        TestSchedulerContext context = context(configuration());
        List<RecordingTasklet> tasklets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasklets.add(RecordingTasklet.of("t" + i, finishingAfter(50)));
        }
        Scheduler scheduler = start(context, tasklets);

        Await.until("every tasklet is done", () -> tasklets.stream().allMatch(RecordingTasklet::isDone));
        stopAndAwait(scheduler);

        for (RecordingTasklet tasklet : tasklets) {
            assertThat(tasklet.inits()).as("inits of " + tasklet).isEqualTo(1);
            assertThat(tasklet.calledBeforeInit()).as("called before init: " + tasklet).isFalse();
            assertThat(tasklet.firstCallThread()).as("first call thread of " + tasklet).isSameAs(tasklet.initThread());
            assertThat(tasklet.callThreads()).as("call threads of " + tasklet).containsExactly(tasklet.initThread());
        }
    }

    @Test
    public void shouldNeverOverlapCallsOfOneTasklet() throws InterruptedException {
        TestSchedulerContext context = context(configuration());
        List<RecordingTasklet> tasklets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasklets.add(RecordingTasklet.of("t" + i, finishingAfter(2_000)));
        }
        Scheduler scheduler = start(context, tasklets);

        Await.until("every tasklet is done", () -> tasklets.stream().allMatch(RecordingTasklet::isDone));
        stopAndAwait(scheduler);

        assertThat(tasklets).noneMatch(RecordingTasklet::overlapped);
    }

    @Test
    public void shouldReportAThrowingTaskletOnceAndNeverCallItAgain() throws InterruptedException {
        TestSchedulerContext context = context(configuration());
        IllegalStateException callFailure = new IllegalStateException("call failed");
        AssertionError initFailure = new AssertionError("init failed");
        Error callError = new Error("call error");
        RecordingTasklet failsOnCall = RecordingTasklet.of("fails-on-call", throwingOn(3, callFailure));
        RecordingTasklet failsOnInit = RecordingTasklet.failingInit("fails-on-init", initFailure);
        RecordingTasklet errsOnCall = RecordingTasklet.of("errs-on-call", throwingOn(0, callError));
        RecordingTasklet keepsGoing = RecordingTasklet.of("keeps-going", always(ProgressState.MADE_PROGRESS));
        RecordingTasklet keepsWaiting = RecordingTasklet.of("keeps-waiting", always(ProgressState.NO_PROGRESS));
        Scheduler scheduler = start(context,
                List.of(failsOnCall, failsOnInit, errsOnCall, keepsGoing, keepsWaiting));

        Await.until("three failures are reported", () -> context.failures().size() >= 3);
        int callsAfterFailures = keepsGoing.calls();
        Await.until("the healthy tasklet is still called", () -> keepsGoing.calls() > callsAfterFailures);
        stopAndAwait(scheduler);

        assertThat(context.failures()).containsExactlyInAnyOrder(
                new Failure(failsOnCall, callFailure),
                new Failure(failsOnInit, initFailure),
                new Failure(errsOnCall, callError));
        assertThat(failsOnCall.calls()).isEqualTo(4);
        assertThat(failsOnInit.inits()).isEqualTo(1);
        assertThat(failsOnInit.calls()).isZero();
        assertThat(errsOnCall.calls()).isEqualTo(1);
    }

    @Test
    public void shouldStopEveryThreadEvenWhenTaskletsNeverFinish() throws InterruptedException {
        TestSchedulerContext context = context(configuration());
        List<RecordingTasklet> tasklets = List.of(
                RecordingTasklet.of("busy", always(ProgressState.MADE_PROGRESS)),
                RecordingTasklet.of("waiting", always(ProgressState.NO_PROGRESS)),
                RecordingTasklet.nonCooperative("blocking", always(ProgressState.NO_PROGRESS)));
        Scheduler scheduler = start(context, tasklets);

        Await.until("every tasklet is called", () -> tasklets.stream().allMatch(t -> t.calls() > 0));
        scheduler.stop();
        scheduler.stop();
        assertThat(scheduler.awaitTermination(Await.BOUND)).isTrue();
        assertThat(scheduler.awaitTermination(Await.BOUND)).as("awaitTermination again").isTrue();

        assertThat(tasklets).noneMatch(RecordingTasklet::isInCall);
        assertThat(context.failures()).isEmpty();
    }

    @Test
    public void shouldTerminateAtOnceWithoutTasklets() throws InterruptedException {
        Scheduler scheduler = start(context(configuration()), List.of());

        stopAndAwait(scheduler);
    }

    @Test
    public void shouldReportBusyAndIdleNanosToWorkerProbes() throws InterruptedException {
        TestSchedulerContext context = context(configuration());
        RecordingTasklet worker = RecordingTasklet.of("worker", i -> {
            long start = System.nanoTime();
            while (System.nanoTime() == start) {
                Thread.onSpinWait();
            }
            return i == 999 ? ProgressState.DONE : ProgressState.MADE_PROGRESS;
        });
        RecordingTasklet waiter = RecordingTasklet.of("waiter", always(ProgressState.NO_PROGRESS));
        Scheduler scheduler = start(context, List.of(worker, waiter));

        Await.until("the worker is done and the waiter idled",
                () -> worker.isDone() && waiter.calls() > 10);
        stopAndAwait(scheduler);

        assertThat(context.probes()).isNotEmpty();
        assertThat(context.totalBusyNanos()).isPositive();
        assertThat(context.totalIdleNanos()).isPositive();
    }

    @Test
    public void shouldMakeProgressWhenProducerAndConsumerShareOneWorker() throws InterruptedException {
        TestSchedulerContext context = context(configuration().set(ExecutionOptions.WORKERS, 1));
        long total = 10_000;
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        RecordingTasklet producer = RecordingTasklet.of("producer", i -> {
            if (produced.get() - consumed.get() >= 1) {
                return ProgressState.NO_PROGRESS;
            }
            return produced.incrementAndGet() == total ? ProgressState.DONE : ProgressState.MADE_PROGRESS;
        });
        RecordingTasklet consumer = RecordingTasklet.of("consumer", i -> {
            if (consumed.get() == produced.get()) {
                return ProgressState.NO_PROGRESS;
            }
            return consumed.incrementAndGet() == total ? ProgressState.DONE : ProgressState.MADE_PROGRESS;
        });
        // consumer first, so that it must wait for the producer on the same worker
        Scheduler scheduler = start(context, List.of(consumer, producer));

        Await.until("producer and consumer are done", () -> producer.isDone() && consumer.isDone());
        stopAndAwait(scheduler);

        assertThat(consumed.get()).isEqualTo(total);
    }

    @Test
    public void shouldReportWorkerThatDiesUnexpectedly() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("broken idle strategy");
        TestSchedulerContext context = context(configuration()).withIdleStrategies(() -> new IdleStrategy() {
            @Override
            public void idle() {
                throw broken;
            }

            @Override
            public void reset() {
            }
        });
        Scheduler scheduler = start(context, List.of(RecordingTasklet.of("waiting", always(ProgressState.NO_PROGRESS))));

        Await.until("the failure is reported", () -> !context.failures().isEmpty());
        stopAndAwait(scheduler);

        assertThat(context.failures()).containsExactly(new Failure(null, broken));
    }
}
