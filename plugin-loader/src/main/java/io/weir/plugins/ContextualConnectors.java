package io.weir.plugins;

import io.weir.api.codec.Codec;
import io.weir.api.connector.Sink;
import io.weir.api.connector.Source;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;

import java.util.List;

/**
 * Wraps the sources and sinks that a folder plugin's factories create so that every later call into the
 * plugin's code (enumerators, readers, writers, committers, codecs) runs with the plugin's class loader as
 * the thread's context class loader, as the calls of the factories themselves do. A wrapper keeps the
 * SPI kind of what it wraps ({@link SplitSource}, {@link TwoPhaseCommitSink}, {@link WriterSink}), so the
 * runtime treats it exactly as the original; other objects (API sinks such as {@code Sinks.print()}) are
 * returned as they are.
 *
 * <p>Cost: two writes of the thread's context class loader field around each call ({@code pollNext},
 * {@code write}), no allocation; none when the loader is already set.
 *
 * <h2>Thread safety</h2>
 * Wrappers add no state: each is as thread-safe as what it wraps.
 */
final class ContextualConnectors {
    private ContextualConnectors() {
    }

    /** {@code source}, wrapped for {@code loader} when it is a {@link SplitSource}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Source<?> wrap(Source<?> source, ClassLoader loader) {
        if (source instanceof SplitSource<?, ?> split) {
            return new ContextualSource(split, loader);
        }
        return source;
    }

    /** {@code sink}, wrapped for {@code loader} when it is a {@link WriterSink}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Sink<?> wrap(Sink<?> sink, ClassLoader loader) {
        return switch (sink) {
            case TwoPhaseCommitSink<?, ?> twoPhase -> new ContextualTwoPhaseSink(twoPhase, loader);
            case WriterSink<?> writer -> new ContextualWriterSink(writer, loader);
            default -> sink;
        };
    }

    /** Sets {@code loader} as context class loader; returns the previous one, to hand to {@link #restore}. */
    private static ClassLoader enter(ClassLoader loader) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        if (previous != loader) {
            t.setContextClassLoader(loader);
        }
        return previous;
    }

    private static void restore(ClassLoader previous, ClassLoader loader) {
        if (previous != loader) {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    record ContextualSource<T, S extends SourceSplit>(SplitSource<T, S> delegate, ClassLoader loader)
            implements SplitSource<T, S> {
        @Override
        public Boundedness boundedness() {
            ClassLoader p = enter(loader);
            try {
                return delegate.boundedness();
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public SplitEnumerator<S> createEnumerator(EnumeratorContext<S> context) {
            ClassLoader p = enter(loader);
            try {
                return new ContextualEnumerator<>(delegate.createEnumerator(context), loader);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public SplitEnumerator<S> restoreEnumerator(EnumeratorContext<S> context, List<S> unassignedSplits) {
            ClassLoader p = enter(loader);
            try {
                return new ContextualEnumerator<>(delegate.restoreEnumerator(context, unassignedSplits), loader);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public SplitReader<T, S> createReader(ReaderContext context) {
            ClassLoader p = enter(loader);
            try {
                return new ContextualReader<>(delegate.createReader(context), loader);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public Codec<S> splitCodec() {
            ClassLoader p = enter(loader);
            try {
                return delegate.splitCodec();
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public Class<T> producedType() {
            return delegate.producedType();
        }
    }

    record ContextualEnumerator<S extends SourceSplit>(SplitEnumerator<S> delegate, ClassLoader loader)
            implements SplitEnumerator<S> {
        @Override
        public void start() {
            ClassLoader p = enter(loader);
            try {
                delegate.start();
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void handleSplitRequest(int subtask) {
            ClassLoader p = enter(loader);
            try {
                delegate.handleSplitRequest(subtask);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void addSplitsBack(List<S> splits, int subtask) {
            ClassLoader p = enter(loader);
            try {
                delegate.addSplitsBack(splits, subtask);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            ClassLoader p = enter(loader);
            try {
                return delegate.snapshotState(checkpointId);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void close() {
            ClassLoader p = enter(loader);
            try {
                delegate.close();
            } finally {
                restore(p, loader);
            }
        }
    }

    record ContextualReader<T, S extends SourceSplit>(SplitReader<T, S> delegate, ClassLoader loader)
            implements SplitReader<T, S> {
        @Override
        public void start() {
            ClassLoader p = enter(loader);
            try {
                delegate.start();
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void addSplits(List<S> splits) {
            ClassLoader p = enter(loader);
            try {
                delegate.addSplits(splits);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void notifyNoMoreSplits() {
            ClassLoader p = enter(loader);
            try {
                delegate.notifyNoMoreSplits();
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public ReadStatus pollNext(SourceOutput<T> output) throws Exception {
            ClassLoader p = enter(loader);
            try {
                return delegate.pollNext(output);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            ClassLoader p = enter(loader);
            try {
                return delegate.snapshotState(checkpointId);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void close() throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.close();
            } finally {
                restore(p, loader);
            }
        }
    }

    record ContextualWriterSink<T>(WriterSink<T> delegate, ClassLoader loader) implements WriterSink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterContext context) throws Exception {
            ClassLoader p = enter(loader);
            try {
                return new ContextualWriter<>(delegate.createWriter(context), loader);
            } finally {
                restore(p, loader);
            }
        }
    }

    record ContextualTwoPhaseSink<T, C>(TwoPhaseCommitSink<T, C> delegate, ClassLoader loader)
            implements TwoPhaseCommitSink<T, C> {
        @Override
        public PrecommittingSinkWriter<T, C> createWriter(WriterContext context) throws Exception {
            ClassLoader p = enter(loader);
            try {
                return new ContextualPrecommittingWriter<>(delegate.createWriter(context), loader);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public Committer<C> createCommitter(WriterContext context) throws Exception {
            ClassLoader p = enter(loader);
            try {
                return new ContextualCommitter<>(delegate.createCommitter(context), loader);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public Codec<C> committableCodec() {
            ClassLoader p = enter(loader);
            try {
                return delegate.committableCodec();
            } finally {
                restore(p, loader);
            }
        }
    }

    record ContextualWriter<T>(SinkWriter<T> delegate, ClassLoader loader) implements SinkWriter<T> {
        @Override
        public void write(T record, long timestamp) throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.write(record, timestamp);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.flush(endOfInput);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void close() throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.close();
            } finally {
                restore(p, loader);
            }
        }
    }

    record ContextualPrecommittingWriter<T, C>(PrecommittingSinkWriter<T, C> delegate, ClassLoader loader)
            implements PrecommittingSinkWriter<T, C> {
        @Override
        public void write(T record, long timestamp) throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.write(record, timestamp);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.flush(endOfInput);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public List<C> prepareCommit(long checkpointId) throws Exception {
            ClassLoader p = enter(loader);
            try {
                return delegate.prepareCommit(checkpointId);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void abortLeftovers(List<C> committed) throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.abortLeftovers(committed);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void close() throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.close();
            } finally {
                restore(p, loader);
            }
        }
    }

    record ContextualCommitter<C>(Committer<C> delegate, ClassLoader loader) implements Committer<C> {
        @Override
        public void commit(List<C> committables) throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.commit(committables);
            } finally {
                restore(p, loader);
            }
        }

        @Override
        public void close() throws Exception {
            ClassLoader p = enter(loader);
            try {
                delegate.close();
            } finally {
                restore(p, loader);
            }
        }
    }
}
