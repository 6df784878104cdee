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
 * <p>Cost: the per-record calls ({@code pollNext}, {@code write}) are direct calls between
 * {@link ContextClassLoader#enter} and {@link ContextClassLoader#restore}: two writes of the thread's context
 * class loader field, none when the loader is already set, no allocation. The other calls (creating, starting,
 * snapshotting, flushing, committing, closing) go through {@link ContextClassLoader#call}/{@link
 * ContextClassLoader#run} with a lambda, which may allocate.
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

    record ContextualSource<T, S extends SourceSplit>(SplitSource<T, S> delegate, ClassLoader loader)
            implements SplitSource<T, S> {
        @Override
        public Boundedness boundedness() {
            return ContextClassLoader.call(loader, delegate::boundedness);
        }

        @Override
        public SplitEnumerator<S> createEnumerator(EnumeratorContext<S> context) {
            return new ContextualEnumerator<>(ContextClassLoader.call(loader, () -> delegate.createEnumerator(context)),
                    loader);
        }

        @Override
        public SplitEnumerator<S> restoreEnumerator(EnumeratorContext<S> context, List<S> unassignedSplits) {
            return new ContextualEnumerator<>(
                    ContextClassLoader.call(loader, () -> delegate.restoreEnumerator(context, unassignedSplits)), loader);
        }

        @Override
        public SplitReader<T, S> createReader(ReaderContext context) {
            return new ContextualReader<>(ContextClassLoader.call(loader, () -> delegate.createReader(context)), loader);
        }

        @Override
        public Codec<S> splitCodec() {
            return ContextClassLoader.call(loader, delegate::splitCodec);
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
            ContextClassLoader.run(loader, delegate::start);
        }

        @Override
        public void handleSplitRequest(int subtask) {
            ContextClassLoader.run(loader, () -> delegate.handleSplitRequest(subtask));
        }

        @Override
        public void addSplitsBack(List<S> splits, int subtask) {
            ContextClassLoader.run(loader, () -> delegate.addSplitsBack(splits, subtask));
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            return ContextClassLoader.call(loader, () -> delegate.snapshotState(checkpointId));
        }

        @Override
        public void close() {
            ContextClassLoader.run(loader, delegate::close);
        }
    }

    /** {@link #pollNext} is the per-record path: a direct call, no lambda. */
    record ContextualReader<T, S extends SourceSplit>(SplitReader<T, S> delegate, ClassLoader loader)
            implements SplitReader<T, S> {
        @Override
        public ReadStatus pollNext(SourceOutput<T> output) throws Exception {
            ClassLoader previous = ContextClassLoader.enter(loader);
            try {
                return delegate.pollNext(output);
            } finally {
                ContextClassLoader.restore(previous, loader);
            }
        }

        @Override
        public void start() {
            ContextClassLoader.run(loader, delegate::start);
        }

        @Override
        public void addSplits(List<S> splits) {
            ContextClassLoader.run(loader, () -> delegate.addSplits(splits));
        }

        @Override
        public void notifyNoMoreSplits() {
            ContextClassLoader.run(loader, delegate::notifyNoMoreSplits);
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            return ContextClassLoader.call(loader, () -> delegate.snapshotState(checkpointId));
        }

        @Override
        public void close() throws Exception {
            ContextClassLoader.run(loader, delegate::close);
        }
    }

    record ContextualWriterSink<T>(WriterSink<T> delegate, ClassLoader loader) implements WriterSink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterContext context) throws Exception {
            return new ContextualWriter<>(ContextClassLoader.call(loader, () -> delegate.createWriter(context)), loader);
        }
    }

    record ContextualTwoPhaseSink<T, C>(TwoPhaseCommitSink<T, C> delegate, ClassLoader loader)
            implements TwoPhaseCommitSink<T, C> {
        @Override
        public PrecommittingSinkWriter<T, C> createWriter(WriterContext context) throws Exception {
            return new ContextualPrecommittingWriter<>(
                    ContextClassLoader.call(loader, () -> delegate.createWriter(context)), loader);
        }

        @Override
        public Committer<C> createCommitter(WriterContext context) throws Exception {
            return new ContextualCommitter<>(ContextClassLoader.call(loader, () -> delegate.createCommitter(context)),
                    loader);
        }

        @Override
        public Codec<C> committableCodec() {
            return ContextClassLoader.call(loader, delegate::committableCodec);
        }
    }

    /**
     * A sink writer's wrapper; {@link #write} is the per-record path: a direct call, no lambda. Not a record,
     * so that {@link ContextualPrecommittingWriter} can extend it.
     */
    static sealed class ContextualWriter<T> implements SinkWriter<T> permits ContextualPrecommittingWriter {
        private final SinkWriter<T> delegate;
        final ClassLoader loader;

        ContextualWriter(SinkWriter<T> delegate, ClassLoader loader) {
            this.delegate = delegate;
            this.loader = loader;
        }

        @Override
        public final void write(T record, long timestamp) throws Exception {
            ClassLoader previous = ContextClassLoader.enter(loader);
            try {
                delegate.write(record, timestamp);
            } finally {
                ContextClassLoader.restore(previous, loader);
            }
        }

        @Override
        public final void flush(boolean endOfInput) throws Exception {
            ContextClassLoader.run(loader, () -> delegate.flush(endOfInput));
        }

        @Override
        public final void close() throws Exception {
            ContextClassLoader.run(loader, delegate::close);
        }
    }

    static final class ContextualPrecommittingWriter<T, C> extends ContextualWriter<T>
            implements PrecommittingSinkWriter<T, C> {
        private final PrecommittingSinkWriter<T, C> delegate;

        ContextualPrecommittingWriter(PrecommittingSinkWriter<T, C> delegate, ClassLoader loader) {
            super(delegate, loader);
            this.delegate = delegate;
        }

        @Override
        public List<C> prepareCommit(long checkpointId) throws Exception {
            return ContextClassLoader.call(loader, () -> delegate.prepareCommit(checkpointId));
        }

        @Override
        public void abortLeftovers(List<C> committed) throws Exception {
            ContextClassLoader.run(loader, () -> delegate.abortLeftovers(committed));
        }
    }

    record ContextualCommitter<C>(Committer<C> delegate, ClassLoader loader) implements Committer<C> {
        @Override
        public void commit(List<C> committables) throws Exception {
            ContextClassLoader.run(loader, () -> delegate.commit(committables));
        }

        @Override
        public void close() throws Exception {
            ContextClassLoader.run(loader, delegate::close);
        }
    }
}
