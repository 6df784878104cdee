package io.weir.connectors.files;

import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileSinkAtLeastOnceTest {
    @TempDir
    Path dir;

    private PrecommittingSinkWriter<String, FileCommittable> writer(TestWriterContext context) throws Exception {
        FileSink<String> sink = FileSink.<String>forRows(dir).atLeastOnce().build();
        assertThat(sink.exactlyOnce()).isFalse();
        return sink.createWriter(context);
    }

    @Test
    void shouldPublishPartsAtPreCommitWithoutWaitingForTheCheckpoint() throws Exception {
        var writer = writer(TestWriterContext.fresh(0, 1));
        writer.write("a", 0);

        assertThat(writer.prepareCommit(1)).isEmpty();
        assertThat(PartFiles.names(dir)).containsExactly("part-0-1-0");
    }

    @Test
    void shouldPublishEverythingAtEndOfInput() throws Exception {
        var writer = writer(TestWriterContext.fresh(0, 1));
        writer.write("a", 0);
        writer.write("b", 0);
        writer.flush(true);

        assertThat(PartFiles.visibleLines(dir)).containsExactly("a", "b");
        assertThat(writer.prepareCommit(Long.MAX_VALUE)).isEmpty();
        assertThat(PartFiles.names(dir)).containsExactly("part-0-1-0");
    }

    @Test
    void shouldDeleteEveryStagedPartOfItsOwnAfterARestore() throws Exception {
        var old0 = writer(TestWriterContext.fresh(0, 2));
        var old1 = writer(TestWriterContext.fresh(1, 2));
        old0.write("a", 0);
        old1.write("b", 0);
        old0.close();
        old1.close();

        writer(TestWriterContext.restored(0, 2, 1)).abortLeftovers(List.of());

        assertThat(PartFiles.names(dir)).containsExactly(".part-1-1-0.inprogress");
    }

    @Test
    void shouldShowReplayedRecordsTwiceAfterAFailure() throws Exception {
        var before = writer(TestWriterContext.fresh(0, 1));
        before.write("a", 0);
        before.prepareCommit(1);                  // published, but checkpoint 1 never completes
        before.close();

        var after = writer(TestWriterContext.fresh(0, 1));
        after.write("a", 0);                      // the source replays from the start
        after.flush(true);

        assertThat(PartFiles.visibleLines(dir)).containsExactly("a", "a");
    }
}
