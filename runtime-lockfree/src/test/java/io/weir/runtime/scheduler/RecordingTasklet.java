package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.Tasklet;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A tasklet for scheduler tests: its behaviour is a function of the call index (from 0), and it records
 * how it was driven (init and call counts, threads, overlapping calls, calls before init or after
 * {@code DONE}). Every recording is thread-safe, so a test can read it while the scheduler runs.
 */
public final class RecordingTasklet implements Tasklet {
    private final String name;
    private final boolean cooperative;
    private final Runnable initAction;
    private final IntFunction<ProgressState> body;
    private final AtomicInteger inits = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean inCall = new AtomicBoolean();
    private final Set<Thread> callThreads = ConcurrentHashMap.newKeySet();
    private volatile Thread initThread;
    private volatile Thread firstCallThread;
    private volatile boolean overlapped;
    private volatile boolean calledBeforeInit;
    private volatile boolean calledAfterDone;
    private volatile boolean done;

    public RecordingTasklet(String name, boolean cooperative, Runnable initAction, IntFunction<ProgressState> body) {
        this.name = name;
        this.cooperative = cooperative;
        this.initAction = initAction;
        this.body = body;
    }

    /** Calls {@code body}; a tasklet that gets a thread of its own in a pooled scheduler. */
    public static RecordingTasklet nonCooperative(String name, IntFunction<ProgressState> body) {
        return new RecordingTasklet(name, false, () -> { }, body);
    }

    /** Calls {@code body}. */
    public static RecordingTasklet of(String name, IntFunction<ProgressState> body) {
        return new RecordingTasklet(name, true, () -> { }, body);
    }

    /** {@code DONE} on call {@code calls - 1}; before that, no progress on every third call. */
    public static IntFunction<ProgressState> finishingAfter(int calls) {
        return i -> i == calls - 1 ? ProgressState.DONE
                : i % 3 == 0 ? ProgressState.NO_PROGRESS : ProgressState.MADE_PROGRESS;
    }

    /** Always {@code state}. */
    public static IntFunction<ProgressState> always(ProgressState state) {
        return i -> state;
    }

    /** Throws {@code failure} on call {@code at}, makes progress before. */
    public static IntFunction<ProgressState> throwingOn(int at, Throwable failure) {
        return i -> {
            if (i == at) {
                throw sneaky(failure);
            }
            return ProgressState.MADE_PROGRESS;
        };
    }

    /** A tasklet whose {@code init()} throws {@code failure}. */
    public static RecordingTasklet failingInit(String name, Throwable failure) {
        return new RecordingTasklet(name, true, () -> {
            throw sneaky(failure);
        }, always(ProgressState.MADE_PROGRESS));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isCooperative() {
        return cooperative;
    }

    @Override
    public void init() {
        inits.incrementAndGet();
        initThread = Thread.currentThread();
        initAction.run();
    }

    @Override
    public ProgressState call() {
        if (!inCall.compareAndSet(false, true)) {
            overlapped = true;
        }
        try {
            if (inits.get() == 0) {
                calledBeforeInit = true;
            }
            if (done) {
                calledAfterDone = true;
            }
            int index = calls.getAndIncrement();
            if (index == 0) {
                firstCallThread = Thread.currentThread();
            }
            callThreads.add(Thread.currentThread());
            ProgressState state = body.apply(index);
            if (state == ProgressState.DONE) {
                done = true;
            }
            return state;
        } finally {
            inCall.set(false);
        }
    }

    public int inits() {
        return inits.get();
    }

    public int calls() {
        return calls.get();
    }

    public boolean isDone() {
        return done;
    }

    public boolean isInCall() {
        return inCall.get();
    }

    public Thread initThread() {
        return initThread;
    }

    public Thread firstCallThread() {
        return firstCallThread;
    }

    public Set<Thread> callThreads() {
        return Set.copyOf(callThreads);
    }

    public boolean overlapped() {
        return overlapped;
    }

    public boolean calledBeforeInit() {
        return calledBeforeInit;
    }

    public boolean calledAfterDone() {
        return calledAfterDone;
    }

    @Override
    public String toString() {
        return name;
    }
}
