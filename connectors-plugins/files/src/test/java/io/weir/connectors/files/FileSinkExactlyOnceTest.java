package io.weir.connectors.files;

import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkExactlyOnceTest {
    @TempDir
    Path dir;

    private static void write(PrecommittingSinkWriter<String, FileCommittable> writer, String... records)
            throws Exception {
        for (String r : records) {
            writer.write(r, Long.MIN_VALUE);
        }
    }

    @Test
    void shouldStageRecordsUnderHiddenNamesUntilCommitted() throws Exception {
        FileSink<String> sink = FileSink.<String>forRows(dir).build();
        var writer = sink.createWriter(TestWriterContext.fresh(3, 4));
        write(writer, "a", "b");
        writer.flush(false);

        assertThat(PartFiles.names(dir)).containsExactly(".part-3-1-0.inprogress");
        List<FileCommittable> committables = writer.prepareCommit(1);

        assertThat(committables).containsExactly(new FileCommittable(dir.resolve(".part-3-1-0.inprogress"),
                dir.resolve("part-3-1-0")));
        assertThat(PartFiles.visible(dir)).isEmpty();
        assertThat(Files.readString(committables.getFirst().stagingFile())).isEqualTo("a\nb\n");

        try (Committer<FileCommittable> committer = sink.createCommitter(TestWriterContext.fresh(3, 4))) {
            committer.commit(committables);
        }
        assertThat(PartFiles.names(dir)).containsExactly("part-3-1-0");
        assertThat(PartFiles.visibleLines(dir)).containsExactly("a", "b");
    }

    @Test
    void shouldStartANewPartAtEveryCheckpointNamedAfterTheNextCheckpoint() throws Exception {
        var writer = FileSink.<String>forRows(dir).build().createWriter(TestWriterContext.fresh(0, 1));
        write(writer, "a");
        List<FileCommittable> first = writer.prepareCommit(1);
        assertThat(writer.prepareCommit(2)).isEmpty();
        write(writer, "b");
        List<FileCommittable> third = writer.prepareCommit(7);
        write(writer, "c");
        List<FileCommittable> last = writer.prepareCommit(Long.MAX_VALUE);

        assertThat(first).extracting(c -> c.finalFile().getFileName().toString()).containsExactly("part-0-1-0");
        assertThat(third).extracting(c -> c.finalFile().getFileName().toString()).containsExactly("part-0-3-1");
        assertThat(last).extracting(c -> c.finalFile().getFileName().toString()).containsExactly("part-0-8-2");
    }

    @Test
    void shouldRollAPartOnceItReachesTheRollingSize() throws Exception {
        FileSink<String> sink = FileSink.<String>forRows(dir).withRollingSize(10).build();
        var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        write(writer, "1234", "5678", "9", "abcdefghijkl", "z");

        List<FileCommittable> committables = writer.prepareCommit(1);
        try (var committer = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            committer.commit(committables);
        }

        assertThat(PartFiles.visible(dir)).containsExactly("part-0-1-0", "part-0-1-1", "part-0-1-2");
        assertThat(Files.readString(dir.resolve("part-0-1-0"))).isEqualTo("1234\n5678\n");
        assertThat(Files.readString(dir.resolve("part-0-1-1"))).isEqualTo("9\nabcdefghijkl\n");
        assertThat(Files.readString(dir.resolve("part-0-1-2"))).isEqualTo("z\n");
    }

    @Test
    void shouldCommitIdempotently() throws Exception {
        FileSink<String> sink = FileSink.<String>forRows(dir).build();
        var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        write(writer, "a");
        List<FileCommittable> committables = writer.prepareCommit(1);
        var committer = sink.createCommitter(TestWriterContext.fresh(0, 1));
        committer.commit(committables);
        committer.commit(committables);

        assertThat(PartFiles.names(dir)).containsExactly("part-0-1-0");
        assertThat(PartFiles.visibleLines(dir)).containsExactly("a");
    }

    @Test
    void shouldNameTheFileWhenNeitherStagedNorFinalPartExists() throws Exception {
        FileSink<String> sink = FileSink.<String>forRows(dir).build();
        var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        write(writer, "a");
        List<FileCommittable> committables = writer.prepareCommit(1);
        Files.delete(committables.getFirst().stagingFile());

        assertThatThrownBy(() -> sink.createCommitter(TestWriterContext.fresh(0, 1)).commit(committables))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("part-0-1-0")
                .hasMessageContaining("neither it nor its staging file exists");
    }

    @Test
    void shouldRefuseToOverwriteAFinalNameItDidNotCommit() throws Exception {
        FileSink<String> sink = FileSink.<String>forRows(dir).build();
        var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        write(writer, "a");
        List<FileCommittable> committables = writer.prepareCommit(1);
        Files.writeString(committables.getFirst().finalFile(), "someone else's");

        assertThatThrownBy(() -> sink.createCommitter(TestWriterContext.fresh(0, 1)).commit(committables))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("part-0-1-0");
        assertThat(Files.readString(committables.getFirst().finalFile())).isEqualTo("someone else's");
    }

    @Test
    void shouldNeverReuseANameAlreadyInTheDirectory() throws Exception {
        Files.writeString(dir.resolve("part-0-1-4"), "earlier job\n");
        Files.writeString(dir.resolve(".part-0-2-9.inprogress"), "earlier leftover\n");
        Files.writeString(dir.resolve("part-1-1-20"), "other subtask\n");
        var writer = FileSink.<String>forRows(dir).build().createWriter(TestWriterContext.fresh(0, 2));
        write(writer, "a");

        assertThat(writer.prepareCommit(1)).extracting(c -> c.finalFile().getFileName().toString())
                .containsExactly("part-0-1-10");
    }

    @Test
    void shouldUseTheEncoderAndIgnoreItClosingTheStream() throws Exception {
        FileSink<Integer> sink = FileSink.forRows(dir).withEncoder((Integer x, java.io.OutputStream out) -> {
            out.write(("n=" + x).getBytes(StandardCharsets.UTF_8));
            out.close();
        }).build();
        var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        writer.write(1, Long.MIN_VALUE);
        writer.write(2, Long.MIN_VALUE);
        sink.createCommitter(TestWriterContext.fresh(0, 1)).commit(writer.prepareCommit(1));

        assertThat(PartFiles.visibleLines(dir)).containsExactly("n=1", "n=2");
    }

    @Test
    void shouldLeaveTheOpenPartStagedWhenClosedWithoutPreCommit() throws Exception {
        var writer = FileSink.<String>forRows(dir).build().createWriter(TestWriterContext.fresh(0, 1));
        write(writer, "a");
        writer.close();
        writer.close();

        assertThat(PartFiles.names(dir)).containsExactly(".part-0-1-0.inprogress");
    }

    @Test
    void shouldRejectANonPositiveRollingSize() {
        assertThatThrownBy(() -> FileSink.forRows(dir).withRollingSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rolling size must be positive");
    }

    @Test
    void shouldRoundTripCommittablesThroughTheCodecAndRefuseOtherVersions() throws IOException {
        var codec = FileSink.forRows(dir).build().committableCodec();
        FileCommittable c = new FileCommittable(dir.resolve(".part-0-1-0.inprogress"), dir.resolve("part-0-1-0"));
        byte[] bytes = io.weir.api.codec.Codecs.toBytes(codec, c);

        assertThat(io.weir.api.codec.Codecs.fromBytes(codec, bytes)).isEqualTo(c);
        bytes[0] = 9;
        assertThatThrownBy(() -> io.weir.api.codec.Codecs.fromBytes(codec, bytes))
                .hasMessageContaining("format version 9");
    }
}
