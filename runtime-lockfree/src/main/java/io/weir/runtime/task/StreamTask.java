package io.weir.runtime.task;

import io.weir.api.metrics.OperatorMetrics;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.operators.StreamOperator;
import io.weir.spi.scheduler.ProgressState;
import io.weir.spi.scheduler.Tasklet;

import java.util.ArrayList;
import java.util.List;

/**
 * One subtask of a vertex, as a tasklet: opens its chain in {@link #init()}, then does bounded work per
 * {@link #call()}. When its input ends it lets the chain emit what it holds, sends end-of-input
 * downstream, waits until every outgoing channel took it, closes the chain and reports
 * {@link ProgressState#DONE}.
 *
 * <h2>Thread safety</h2>
 * Single-threaded (the scheduler's contract); {@link #calls()}, {@link #inCall()} and the metrics are
 * read by the supervisor thread.
 */
public abstract class StreamTask implements Tasklet, Monitored {
    /** Records (or reader polls) handled per call at most, so that a call stays short. */
    protected static final int CALL_BUDGET = 4096;

    protected final String name;
    protected final int subtask;
    protected final OperatorChain chain;
    private volatile long calls;
    private volatile boolean inCall;
    private volatile boolean finished;
    private boolean ending;
    private boolean closed;
    private Runnable finishListener = () -> { };

    private io.weir.api.time.Clock clock = io.weir.api.time.Clock.system();

    protected StreamTask(String name, int subtask, OperatorChain chain) {
        this.name = name;
        this.subtask = subtask;
        this.chain = chain;
    }

    /** Sets the processing-time clock (before the task starts). */
    public void setClock(io.weir.api.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    public int subtask() {
        return subtask;
    }

    @Override
    public void init() {
        chain.open();
        initInput();
    }

    @Override
    public final ProgressState call() {
        calls++;
        inCall = true;
        try {
            if (finished) {
                return ProgressState.DONE;
            }
            if (ending) {
                return finishIfFlushed();
            }
            if (!chain.flush()) {
                return ProgressState.NO_PROGRESS;
            }
            if (chain.usesProcessingTime()) {
                chain.onProcessingTime(clock.currentTimeMillis());
            }
            boolean progress = processInput();
            if (ending) {
                return finishIfFlushed();
            }
            chain.flush();
            return progress ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
        } finally {
            inCall = false;
        }
    }

    /** Runs {@code listener} on the task's thread right after the task finished (before DONE is returned). */
    public void onFinished(Runnable listener) {
        this.finishListener = listener;
    }

    /** Opens the input side (readers); called on the task's thread after the chain opened. */
    protected void initInput() {
    }

    /** Reads a bounded amount of input into the chain; calls {@link #endOfInput()} when it is over. */
    protected abstract boolean processInput();

    /** The input is over: flush the chain and send end-of-input downstream. */
    protected final void endOfInput() {
        chain.endInput();
        chain.broadcastControl(EndOfInput.INSTANCE);
        ending = true;
    }

    private ProgressState finishIfFlushed() {
        if (!chain.flush()) {
            return ProgressState.NO_PROGRESS;
        }
        closeChain();
        finished = true;
        finishListener.run();
        return ProgressState.DONE;
    }

    /** Closes the chain and the input once; safe to call from the supervisor after the task's thread stopped. */
    public final void closeChain() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeInput();
        } finally {
            chain.close();
        }
    }

    /** Releases the input side (readers). */
    protected void closeInput() {
    }

    @Override
    public long calls() {
        return calls;
    }

    @Override
    public boolean inCall() {
        return inCall;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    /** Per-operator counters of this subtask. */
    public List<OperatorMetrics> metrics() {
        List<OperatorMetrics> m = new ArrayList<>();
        for (StreamOperator op : chain.operators()) {
            if (op.context() != null) {
                m.add(new OperatorMetrics(op.context().operatorName(), subtask, op.recordsIn(), op.recordsOut()));
            }
        }
        return m;
    }
}
