package io.weir.plugins;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.api.connector.Sinks;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
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
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls into a folder plugin's sources and sinks run with the plugin's context class loader, then restore the caller's. */
class ContextualConnectorsTest {
    private final ClassLoader plugin = new URLClassLoader("plugin:test", new URL[0], getClass().getClassLoader());
    private final ClassLoader caller = Thread.currentThread().getContextClassLoader();
    private final List<String> seen = new ArrayList<>();
    private boolean failing;

    private void record(String call) {
        seen.add(call + (Thread.currentThread().getContextClassLoader() == plugin ? ":plugin" : ":other"));
    }

    /** Records {@code call}; then throws a checked exception when the test made the plugin fail. */
    private void recordOrFail(String call) throws IOException {
        record(call);
        if (failing) {
            throw new IOException(call + " failed");
        }
    }

    record Split(String splitId) implements SourceSplit {
    }

    private final class Reader implements SplitReader<String, Split> {
        @Override
        public void start() {
            record("start");
        }

        @Override
        public void addSplits(List<Split> splits) {
            record("addSplits");
        }

        @Override
        public void notifyNoMoreSplits() {
            record("noMore");
        }

        @Override
        public ReadStatus pollNext(SourceOutput<String> output) throws IOException {
            recordOrFail("poll");
            return ReadStatus.END_OF_INPUT;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            record("snapshot");
            return List.of();
        }

        @Override
        public void close() throws IOException {
            recordOrFail("close");
        }
    }

    private final class Source implements SplitSource<String, Split> {
        @Override
        public Boundedness boundedness() {
            record("boundedness");
            return Boundedness.BOUNDED;
        }

        @Override
        public SplitEnumerator<Split> createEnumerator(EnumeratorContext<Split> context) {
            record("createEnumerator");
            return new SplitEnumerator<>() {
                @Override
                public void start() {
                    record("enumeratorStart");
                }

                @Override
                public void handleSplitRequest(int subtask) {
                    record("request");
                }

                @Override
                public void addSplitsBack(List<Split> splits, int subtask) {
                    record("addSplitsBack");
                }

                @Override
                public List<Split> snapshotState(long checkpointId) {
                    record("enumeratorSnapshot");
                    return List.of();
                }

                @Override
                public void close() {
                    record("enumeratorClose");
                }
            };
        }

        @Override
        public SplitEnumerator<Split> restoreEnumerator(EnumeratorContext<Split> context, List<Split> unassigned) {
            record("restoreEnumerator");
            return createEnumerator(context);
        }

        @Override
        public SplitReader<String, Split> createReader(ReaderContext context) {
            record("createReader");
            return new Reader();
        }

        @Override
        public Codec<Split> splitCodec() {
            record("splitCodec");
            return new Codec<>() {
                @Override
                public void encode(Split value, CodecOutput out) {
                    out.writeString(value.splitId());
                }

                @Override
                public Split decode(CodecInput in) {
                    return new Split(in.readString());
                }
            };
        }

        @Override
        public Class<String> producedType() {
            return String.class;
        }
    }

    private final class Sink implements TwoPhaseCommitSink<String, String> {
        @Override
        public PrecommittingSinkWriter<String, String> createWriter(WriterContext context) {
            record("createWriter");
            return new PrecommittingSinkWriter<>() {
                @Override
                public void write(String value, long timestamp) throws IOException {
                    recordOrFail("write");
                }

                @Override
                public void flush(boolean endOfInput) {
                    record("flush");
                }

                @Override
                public List<String> prepareCommit(long checkpointId) {
                    record("prepareCommit");
                    return List.of();
                }

                @Override
                public void abortLeftovers(List<String> committed) {
                    record("abortLeftovers");
                }

                @Override
                public void close() {
                    record("writerClose");
                }
            };
        }

        @Override
        public Committer<String> createCommitter(WriterContext context) {
            return new Committer<>() {
                @Override
                public void commit(List<String> committables) {
                    record("commit");
                }

                @Override
                public void close() {
                    record("committerClose");
                }
            };
        }

        @Override
        public Codec<String> committableCodec() {
            record("committableCodec");
            return null;
        }
    }

    private static final WriterContext WRITER_CONTEXT = TestWriterContext.fresh(0, 1);

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunEveryReaderAndEnumeratorCallUnderThePluginsLoader() throws Exception {
        var source = (SplitSource<String, Split>) ContextualConnectors.wrap(new Source(), plugin);

        var enumerator = source.createEnumerator(null);
        enumerator.start();
        enumerator.handleSplitRequest(0);
        var reader = source.createReader(null);
        reader.start();
        reader.addSplits(List.of(new Split("a")));
        reader.notifyNoMoreSplits();
        assertThat(reader.pollNext(null)).isEqualTo(ReadStatus.END_OF_INPUT);
        reader.snapshotState(1);
        reader.close();

        assertThat(seen).containsExactly("createEnumerator:plugin", "enumeratorStart:plugin", "request:plugin",
                "createReader:plugin", "start:plugin", "addSplits:plugin", "noMore:plugin", "poll:plugin",
                "snapshot:plugin", "close:plugin");
        assertThat(source.producedType()).isEqualTo(String.class);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepATwoPhaseSinkTwoPhaseAndRunItsCallsUnderThePluginsLoader() throws Exception {
        var wrapped = ContextualConnectors.wrap(new Sink(), plugin);
        assertThat(wrapped).isInstanceOf(TwoPhaseCommitSink.class);
        var sink = (TwoPhaseCommitSink<String, String>) wrapped;

        var writer = sink.createWriter(WRITER_CONTEXT);
        writer.write("x", 0);
        writer.prepareCommit(1);
        sink.createCommitter(WRITER_CONTEXT).commit(List.of("t"));
        writer.close();

        assertThat(seen).containsExactly("createWriter:plugin", "write:plugin", "prepareCommit:plugin", "commit:plugin",
                "writerClose:plugin");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheCheckpointRestoreAndCloseCallsUnderThePluginsLoaderToo() throws Exception {
        var source = (SplitSource<String, Split>) ContextualConnectors.wrap(new Source(), plugin);
        assertThat(source.boundedness()).isEqualTo(Boundedness.BOUNDED);
        var enumerator = source.restoreEnumerator(null, List.of());
        enumerator.addSplitsBack(List.of(new Split("a")), 0);
        enumerator.snapshotState(2);
        enumerator.close();
        assertThat(source.splitCodec()).isNotNull();
        var sink = (TwoPhaseCommitSink<String, String>) ContextualConnectors.wrap(new Sink(), plugin);
        var writer = sink.createWriter(WRITER_CONTEXT);
        writer.abortLeftovers(List.of());
        writer.flush(true);
        var committer = sink.createCommitter(WRITER_CONTEXT);
        committer.close();
        assertThat(sink.committableCodec()).isNull();

        assertThat(seen).containsExactly("boundedness:plugin", "restoreEnumerator:plugin", "createEnumerator:plugin",
                "addSplitsBack:plugin", "enumeratorSnapshot:plugin", "enumeratorClose:plugin", "splitCodec:plugin",
                "createWriter:plugin", "abortLeftovers:plugin", "flush:plugin", "committerClose:plugin",
                "committableCodec:plugin");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRethrowWhatThePluginThrowsOnThePerRecordPathsAndRestoreTheCallersLoader() throws Exception {
        var reader = ((SplitSource<String, Split>) ContextualConnectors.wrap(new Source(), plugin)).createReader(null);
        WriterSink<String> plainSink = context -> new Sink().createWriter(context);
        var plainWriter = ((WriterSink<String>) ContextualConnectors.wrap(plainSink, plugin)).createWriter(WRITER_CONTEXT);
        var twoPhaseWriter = ((TwoPhaseCommitSink<String, String>) ContextualConnectors.wrap(new Sink(), plugin))
                .createWriter(WRITER_CONTEXT);
        failing = true;

        assertThatThrownBy(() -> reader.pollNext(null)).isInstanceOf(IOException.class).hasMessage("poll failed");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
        assertThatThrownBy(() -> plainWriter.write("x", 0)).isInstanceOf(IOException.class).hasMessage("write failed");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
        assertThatThrownBy(() -> twoPhaseWriter.write("x", 0)).isInstanceOf(IOException.class).hasMessage("write failed");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
        assertThatThrownBy(reader::close).isInstanceOf(IOException.class).hasMessage("close failed");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
        assertThat(seen).containsExactly("createReader:plugin", "createWriter:plugin", "createWriter:plugin",
                "poll:plugin", "write:plugin", "write:plugin", "close:plugin");
    }

    @Test
    void shouldLeaveSinksAndSourcesOutsideTheSpiAsTheyAre() {
        var print = Sinks.print();
        assertThat(ContextualConnectors.wrap(print, plugin)).isSameAs(print);
        var sequence = new io.weir.api.connector.SequenceSource(1, 2);
        assertThat(ContextualConnectors.wrap(sequence, plugin)).isSameAs(sequence);
        WriterSink<String> plain = context -> null;
        assertThat(ContextualConnectors.wrap(plain, plugin)).isInstanceOf(WriterSink.class)
                .isNotInstanceOf(TwoPhaseCommitSink.class);
    }

    @Test
    void shouldOnlyWrapTheConnectorsOfFolderPlugins() {
        try (Plugins plugins = PluginLoader.loadClassPath(getClass().getClassLoader())) {
            assertThat(plugins.connectors().<Long>createSource(Map.of("source", "numbers", "to", "2")))
                    .isEqualTo(new io.weir.api.connector.SequenceSource(1, 2));
        }
    }
}
