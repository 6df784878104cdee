package io.weir.connectors.files;

import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restores: the committables of the restored checkpoint are committed (by whichever subtask received
 * them), and each subtask deletes the staged parts of its index that no completed checkpoint holds.
 */
class FileSinkRecoveryTest {
    @TempDir
    Path dir;

    private FileSink<String> sink() {
        return FileSink.<String>forRows(dir).build();
    }

    private PrecommittingSinkWriter<String, FileCommittable> writer(TestWriterContext context) throws Exception {
        return sink().createWriter(context);
    }

    private void commit(List<FileCommittable> committables) throws Exception {
        try (var committer = sink().createCommitter(TestWriterContext.fresh(0, 1))) {
            committer.commit(committables);
        }
    }

    @Test
    void shouldDeleteStagedPartsOfCheckpointsThatNeverCompleted() throws Exception {
        var before = writer(TestWriterContext.fresh(0, 1));
        before.write("a", 0);
        List<FileCommittable> checkpoint1 = before.prepareCommit(1);
        before.write("b", 0);
        before.prepareCommit(2);                  // checkpoint 2 never completes
        before.write("c", 0);                     // open at the failure
        before.close();
        assertThat(PartFiles.staged(dir)).hasSize(3);

        commit(checkpoint1);
        var after = writer(TestWriterContext.restored(0, 1, 1));
        after.abortLeftovers(checkpoint1);

        assertThat(PartFiles.names(dir)).containsExactly("part-0-1-0");
        assertThat(PartFiles.visibleLines(dir)).containsExactly("a");
    }

    @Test
    void shouldNameNewTransactionsAfterTheRestoredCheckpoint() throws Exception {
        var after = writer(TestWriterContext.restored(0, 1, 5));
        after.abortLeftovers(List.of());
        after.write("a", 0);

        assertThat(after.prepareCommit(6)).extracting(c -> c.finalFile().getFileName().toString())
                .containsExactly("part-0-6-0");
    }

    @Test
    void shouldKeepStagedPartsOfTheRestoredCheckpointThatAnotherSubtaskCommits() throws Exception {
        var old0 = writer(TestWriterContext.fresh(0, 2));
        var old1 = writer(TestWriterContext.fresh(1, 2));
        old0.write("a", 0);
        old1.write("b", 0);
        List<FileCommittable> of0 = old0.prepareCommit(1);
        List<FileCommittable> of1 = old1.prepareCommit(1);
        old0.write("leftover", 0);
        old0.close();
        old1.close();

        // the restore hands subtask 0's committable to subtask 1 and the other way round
        commit(of1);
        writer(TestWriterContext.restored(0, 2, 1)).abortLeftovers(of1);
        assertThat(PartFiles.staged(dir)).containsExactly(".part-0-1-0.inprogress");
        commit(of0);
        writer(TestWriterContext.restored(1, 2, 1)).abortLeftovers(of0);

        assertThat(PartFiles.names(dir)).containsExactly("part-0-1-0", "part-1-1-0");
        assertThat(PartFiles.visibleLines(dir)).containsExactly("a", "b");
    }

    @Test
    void shouldCleanLeftoversOfSubtasksThatNoLongerExistAfterScalingDown() throws Exception {
        List<FileCommittable> checkpoint1 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var old = writer(TestWriterContext.fresh(i, 3));
            old.write("r" + i, 0);
            checkpoint1.addAll(old.prepareCommit(1));
            old.write("pre-committed " + i, 0);
            old.prepareCommit(2);                 // never completes
            old.write("open " + i, 0);
            old.close();
        }
        commit(checkpoint1);

        writer(TestWriterContext.restored(1, 2, 1)).abortLeftovers(checkpoint1.subList(2, 3));
        assertThat(PartFiles.staged(dir)).noneMatch(n -> n.startsWith(".part-1-"))
                .anyMatch(n -> n.startsWith(".part-0-")).anyMatch(n -> n.startsWith(".part-2-"));
        writer(TestWriterContext.restored(0, 2, 1)).abortLeftovers(checkpoint1.subList(0, 2));

        assertThat(PartFiles.staged(dir)).isEmpty();
        assertThat(PartFiles.visibleLines(dir)).containsExactly("r0", "r1", "r2");
    }

    @Test
    void shouldLeaveLeftoversWhenTheRestoredCheckpointIsUnknown() throws Exception {
        var before = writer(TestWriterContext.fresh(0, 1));
        before.write("a", 0);
        before.close();

        writer(TestWriterContext.fresh(0, 1)).abortLeftovers(List.of());

        assertThat(PartFiles.staged(dir)).containsExactly(".part-0-1-0.inprogress");
    }
}
