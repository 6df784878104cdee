package io.weir.testkit.internal;

import io.weir.api.codec.Codec;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a connector's sink to count the writers and committers the runtime created and closed. A
 * {@link TwoPhaseCommitSink} stays one (the runtime runs its two-phase protocol); any other
 * {@link WriterSink} stays a plain writer sink.
 *
 * <h2>Thread safety</h2>
 * Counters are atomics; the wrapped writers and committers are confined as the SPI says.
 */
public final class TrackedSinks {
    private TrackedSinks() {
    }

    /** Open/close counts of one sink under test. */
    public static final class Counts {
        final AtomicInteger writersCreated = new AtomicInteger();
        final AtomicInteger writersClosed = new AtomicInteger();
        final AtomicInteger committersCreated = new AtomicInteger();
        final AtomicInteger committersClosed = new AtomicInteger();
        final AtomicInteger committables = new AtomicInteger();

        public int writersCreated() {
            return writersCreated.get();
        }

        public int writersClosed() {
            return writersClosed.get();
        }

        public int committersCreated() {
            return committersCreated.get();
        }

        public int committersClosed() {
            return committersClosed.get();
        }

        /** Committables that writers returned from {@code prepareCommit} at checkpoints (not at the end of input). */
        public int committables() {
            return committables.get();
        }

        @Override
        public String toString() {
            return "writers created " + writersCreated + ", closed " + writersClosed + "; committers created "
                    + committersCreated + ", closed " + committersClosed;
        }
    }

    /** {@code sink} wrapped to count into {@code counts}, keeping its kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> WriterSink<T> track(WriterSink<T> sink, Counts counts) {
        if (sink instanceof TwoPhaseCommitSink<T, ?> twoPhase) {
            return new TwoPhase(twoPhase, counts);
        }
        return new Plain<>(sink, counts);
    }

    private record Plain<T>(WriterSink<T> delegate, Counts counts) implements WriterSink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterContext context) throws Exception {
            return new TrackedWriter<>(delegate.createWriter(context), counts);
        }
    }

    private record TwoPhase<T, C>(TwoPhaseCommitSink<T, C> delegate, Counts counts) implements TwoPhaseCommitSink<T, C> {
        @Override
        public PrecommittingSinkWriter<T, C> createWriter(WriterContext context) throws Exception {
            return new TrackedPrecommittingWriter<>(delegate.createWriter(context), counts);
        }

        @Override
        public Committer<C> createCommitter(WriterContext context) throws Exception {
            return new TrackedCommitter<>(delegate.createCommitter(context), counts);
        }

        @Override
        public Codec<C> committableCodec() {
            return delegate.committableCodec();
        }
    }

    /**
     * Counts its creation into {@code createdCount}; closes what it wraps and counts the first close into
     * {@code closedCount} (later closes are passed on uncounted).
     */
    private abstract static class TrackedCloseable<D extends AutoCloseable> implements AutoCloseable {
        final D delegate;
        private final AtomicInteger closedCount;
        private boolean closed;

        TrackedCloseable(D delegate, AtomicInteger createdCount, AtomicInteger closedCount) {
            this.delegate = delegate;
            this.closedCount = closedCount;
            createdCount.incrementAndGet();
        }

        @Override
        public final void close() throws Exception {
            delegate.close();
            if (!closed) {
                closed = true;
                closedCount.incrementAndGet();
            }
        }
    }

    private static class TrackedWriter<T, W extends SinkWriter<T>> extends TrackedCloseable<W> implements SinkWriter<T> {
        TrackedWriter(W delegate, Counts counts) {
            super(delegate, counts.writersCreated, counts.writersClosed);
        }

        @Override
        public final void write(T record, long timestamp) throws Exception {
            delegate.write(record, timestamp);
        }

        @Override
        public final void flush(boolean endOfInput) throws Exception {
            delegate.flush(endOfInput);
        }
    }

    private static final class TrackedPrecommittingWriter<T, C> extends TrackedWriter<T, PrecommittingSinkWriter<T, C>>
            implements PrecommittingSinkWriter<T, C> {
        private final Counts counts;

        TrackedPrecommittingWriter(PrecommittingSinkWriter<T, C> delegate, Counts counts) {
            super(delegate, counts);
            this.counts = counts;
        }

        @Override
        public List<C> prepareCommit(long checkpointId) throws Exception {
            List<C> result = delegate.prepareCommit(checkpointId);
            if (checkpointId != Long.MAX_VALUE) {
                counts.committables.addAndGet(result.size());
            }
            return result;
        }

        @Override
        public void abortLeftovers(List<C> committed) throws Exception {
            delegate.abortLeftovers(committed);
        }
    }

    private static final class TrackedCommitter<C> extends TrackedCloseable<Committer<C>> implements Committer<C> {
        TrackedCommitter(Committer<C> delegate, Counts counts) {
            super(delegate, counts.committersCreated, counts.committersClosed);
        }

        @Override
        public void commit(List<C> committables) throws Exception {
            delegate.commit(committables);
        }
    }
}
