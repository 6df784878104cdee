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
            SinkWriter<T> writer = delegate.createWriter(context);
            counts.writersCreated.incrementAndGet();
            return new SinkWriter<>() {
                private boolean closed;

                @Override
                public void write(T record, long timestamp) throws Exception {
                    writer.write(record, timestamp);
                }

                @Override
                public void flush(boolean endOfInput) throws Exception {
                    writer.flush(endOfInput);
                }

                @Override
                public void close() throws Exception {
                    writer.close();
                    if (!closed) {
                        closed = true;
                        counts.writersClosed.incrementAndGet();
                    }
                }
            };
        }
    }

    private record TwoPhase<T, C>(TwoPhaseCommitSink<T, C> delegate, Counts counts) implements TwoPhaseCommitSink<T, C> {
        @Override
        public PrecommittingSinkWriter<T, C> createWriter(WriterContext context) throws Exception {
            PrecommittingSinkWriter<T, C> writer = delegate.createWriter(context);
            counts.writersCreated.incrementAndGet();
            return new PrecommittingSinkWriter<>() {
                private boolean closed;

                @Override
                public void write(T record, long timestamp) throws Exception {
                    writer.write(record, timestamp);
                }

                @Override
                public void flush(boolean endOfInput) throws Exception {
                    writer.flush(endOfInput);
                }

                @Override
                public List<C> prepareCommit(long checkpointId) throws Exception {
                    List<C> result = writer.prepareCommit(checkpointId);
                    if (checkpointId != Long.MAX_VALUE) {
                        counts.committables.addAndGet(result.size());
                    }
                    return result;
                }

                @Override
                public void abortLeftovers(List<C> committed) throws Exception {
                    writer.abortLeftovers(committed);
                }

                @Override
                public void close() throws Exception {
                    writer.close();
                    if (!closed) {
                        closed = true;
                        counts.writersClosed.incrementAndGet();
                    }
                }
            };
        }

        @Override
        public Committer<C> createCommitter(WriterContext context) throws Exception {
            Committer<C> committer = delegate.createCommitter(context);
            counts.committersCreated.incrementAndGet();
            return new Committer<>() {
                private boolean closed;

                @Override
                public void commit(List<C> committables) throws Exception {
                    committer.commit(committables);
                }

                @Override
                public void close() throws Exception {
                    committer.close();
                    if (!closed) {
                        closed = true;
                        counts.committersClosed.incrementAndGet();
                    }
                }
            };
        }

        @Override
        public Codec<C> committableCodec() {
            return delegate.committableCodec();
        }
    }
}
