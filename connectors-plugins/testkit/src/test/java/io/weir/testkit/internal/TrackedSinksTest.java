package io.weir.testkit.internal;

import io.weir.api.codec.Codec;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TrackedSinks} keeps a sink's kind, passes every call through and counts opens, first closes and committables. */
class TrackedSinksTest {
    private final List<String> calls = new ArrayList<>();

    private final class Writer implements PrecommittingSinkWriter<String, String> {
        @Override
        public void write(String record, long timestamp) {
            calls.add("write " + record + "@" + timestamp);
        }

        @Override
        public void flush(boolean endOfInput) {
            calls.add("flush " + endOfInput);
        }

        @Override
        public List<String> prepareCommit(long checkpointId) {
            calls.add("prepareCommit " + checkpointId);
            return List.of("t" + checkpointId, "u" + checkpointId);
        }

        @Override
        public void abortLeftovers(List<String> committed) {
            calls.add("abortLeftovers " + committed);
        }

        @Override
        public void close() {
            calls.add("close writer");
        }
    }

    private final class Sink implements TwoPhaseCommitSink<String, String> {
        @Override
        public PrecommittingSinkWriter<String, String> createWriter(WriterContext context) {
            return new Writer();
        }

        @Override
        public Committer<String> createCommitter(WriterContext context) {
            return new Committer<>() {
                @Override
                public void commit(List<String> committables) {
                    calls.add("commit " + committables);
                }

                @Override
                public void close() {
                    calls.add("close committer");
                }
            };
        }

        @Override
        public Codec<String> committableCodec() {
            return null;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPassATwoPhaseSinksCallsThroughAndCountFirstClosesAndCheckpointCommittables() throws Exception {
        TrackedSinks.Counts counts = new TrackedSinks.Counts();
        WriterSink<String> tracked = TrackedSinks.track(new Sink(), counts);
        assertThat(tracked).isInstanceOf(TwoPhaseCommitSink.class);
        var sink = (TwoPhaseCommitSink<String, String>) tracked;

        var writer = sink.createWriter(null);
        writer.abortLeftovers(List.of("t0"));
        writer.write("a", 5);
        assertThat(writer.prepareCommit(1)).containsExactly("t1", "u1");
        writer.flush(true);
        writer.prepareCommit(Long.MAX_VALUE);
        writer.close();
        writer.close();
        var committer = sink.createCommitter(null);
        committer.commit(List.of("t1"));
        committer.close();
        committer.close();

        assertThat(calls).containsExactly("abortLeftovers [t0]", "write a@5", "prepareCommit 1", "flush true",
                "prepareCommit " + Long.MAX_VALUE, "close writer", "close writer", "commit [t1]", "close committer",
                "close committer");
        assertThat(counts.writersCreated()).isEqualTo(1);
        assertThat(counts.writersClosed()).as("a second close is passed on but not counted").isEqualTo(1);
        assertThat(counts.committersCreated()).isEqualTo(1);
        assertThat(counts.committersClosed()).isEqualTo(1);
        assertThat(counts.committables()).as("those of checkpoint 1, not those at the end of input").isEqualTo(2);
    }

    @Test
    void shouldKeepAPlainWriterSinkPlain() throws Exception {
        TrackedSinks.Counts counts = new TrackedSinks.Counts();
        WriterSink<String> plain = context -> new Writer();

        WriterSink<String> tracked = TrackedSinks.track(plain, counts);
        SinkWriter<String> writer = tracked.createWriter(null);
        writer.write("b", 7);
        writer.flush(false);
        writer.close();

        assertThat(tracked).isNotInstanceOf(TwoPhaseCommitSink.class);
        assertThat(writer).isNotInstanceOf(PrecommittingSinkWriter.class);
        assertThat(calls).containsExactly("write b@7", "flush false", "close writer");
        assertThat(counts.writersCreated()).isEqualTo(1);
        assertThat(counts.writersClosed()).isEqualTo(1);
        assertThat(counts.committersCreated()).isZero();
    }
}
