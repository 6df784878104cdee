package io.weir.runtime.source;

import io.weir.api.config.Configuration;
import io.weir.spi.scheduler.ProgressState;
import io.weir.runtime.task.Monitored;
import io.weir.spi.scheduler.Tasklet;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitSource;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.jctools.queues.SpscUnboundedArrayQueue;

/**
 * Runs one source's {@link SplitEnumerator} as a tasklet of its own. Readers send split requests
 * through a multi-producer single-consumer queue; the coordinator answers each reader through a
 * single-producer single-consumer queue of splits (and a final "no more splits" marker). The enumerator
 * itself only ever runs on the coordinator's thread.
 *
 * <h2>Thread safety</h2>
 * {@link #requestSplit} is called from reader threads; {@link #pollAssignment} from the reader of that
 * subtask only; everything else from the coordinator's tasklet thread.
 */
public final class SourceCoordinator implements Tasklet, Monitored {
    /** The marker a reader receives when no more splits will come. */
    public static final Object NO_MORE_SPLITS = new Object() {
        @Override
        public String toString() {
            return "NO_MORE_SPLITS";
        }
    };

    private final String name;
    private final SplitSource<?, SourceSplit> source;
    private final int parallelism;
    private final Configuration configuration;
    private final MpscUnboundedArrayQueue<Integer> requests = new MpscUnboundedArrayQueue<>(64);
    private final SpscUnboundedArrayQueue<Object>[] assignments;
    private final boolean[] finished;
    private int finishedCount;
    private SplitEnumerator<SourceSplit> enumerator;
    private volatile long calls;
    private volatile boolean inCall;
    private volatile boolean done;

    @SuppressWarnings("unchecked")
    public SourceCoordinator(String name, SplitSource<?, ?> source, int parallelism, Configuration configuration) {
        this.name = name;
        this.source = (SplitSource<?, SourceSplit>) source;
        this.parallelism = parallelism;
        this.configuration = configuration;
        this.assignments = new SpscUnboundedArrayQueue[parallelism];
        for (int i = 0; i < parallelism; i++) {
            assignments[i] = new SpscUnboundedArrayQueue<>(16);
        }
        this.finished = new boolean[parallelism];
    }

    /** Called by reader {@code subtask} (its own thread) to ask for work. */
    public void requestSplit(int subtask) {
        requests.offer(subtask);
    }

    /** The next split (or {@link #NO_MORE_SPLITS}) for reader {@code subtask}, or {@code null}. */
    public Object pollAssignment(int subtask) {
        return assignments[subtask].poll();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init() {
        enumerator = source.createEnumerator(new Context());
        enumerator.start();
    }

    @Override
    public ProgressState call() {
        calls++;
        inCall = true;
        try {
            return handleRequests();
        } finally {
            inCall = false;
        }
    }

    private ProgressState handleRequests() {
        if (done) {
            return ProgressState.DONE;
        }
        int handled = 0;
        Integer subtask;
        while (handled < 1024 && (subtask = requests.poll()) != null) {
            if (!finished[subtask]) {
                enumerator.handleSplitRequest(subtask);
            }
            handled++;
        }
        if (finishedCount == parallelism) {
            enumerator.close();
            done = true;
            return ProgressState.DONE;
        }
        return handled > 0 ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
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
        return done;
    }

    private final class Context implements EnumeratorContext<SourceSplit> {
        @Override
        public int parallelism() {
            return parallelism;
        }

        @Override
        public Configuration configuration() {
            return configuration;
        }

        @Override
        public void assignSplit(SourceSplit split, int subtask) {
            check(subtask);
            if (finished[subtask]) {
                throw new IllegalStateException("split enumerator of " + name + " assigned a split to subtask "
                        + subtask + " after signalling it no more splits");
            }
            assignments[subtask].offer(split);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            check(subtask);
            if (!finished[subtask]) {
                finished[subtask] = true;
                finishedCount++;
                assignments[subtask].offer(NO_MORE_SPLITS);
            }
        }

        private void check(int subtask) {
            if (subtask < 0 || subtask >= parallelism) {
                throw new IllegalArgumentException("split enumerator of " + name + " addressed subtask " + subtask
                        + ", but the source has " + parallelism + " readers");
            }
        }
    }
}
