package io.weir.connectors.chronicle;

import io.weir.api.codec.Codecs;
import io.weir.spi.testing.TestWriterContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real crash between pre-commit and commit: a child JVM ({@link CrashingWriter}) pre-commits a transaction,
 * writes more, and halts without closing anything (also in the middle of a document, holding Chronicle's write
 * lock). The restarted sink commits the pre-committed transaction from its committable, fences the rest, and
 * goes on: read-committed readers see the pre-committed records once and the new ones, nothing else.
 */
class ProcessCrashTest {
    private static final long BOUND_SECONDS = 120;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "halt inside a document: {0}")
    @ValueSource(booleans = {false, true})
    void shouldRecoverFromAProcessThatDiedBetweenPreCommitAndCommit(boolean midDocument) throws Exception {
        Path queue = dir.resolve("q");
        Path committableFile = dir.resolve("committable");
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("weir.jvm.flags", "").trim();
        if (!flags.isEmpty()) {
            command.addAll(List.of(flags.split("\\s+")));
        }
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), queue.toString(), committableFile.toString(),
                Boolean.toString(midDocument)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).as("child ended; log: %s", log).isTrue();
        assertThat(Files.readString(log)).contains("halting");

        ChronicleCommittable pending = Codecs.fromBytes(ChronicleCommittable.CODEC, Files.readAllBytes(committableFile));
        assertThat(ChronicleRecords.readCommitted(queue, RecordFormat.strings())).isEmpty();

        ChronicleSink<String> sink = ChronicleSink.builder(queue, RecordFormat.strings()).sinkId("crash").build();
        try (var writer = sink.createWriter(TestWriterContext.restored(0, 1, 1));
             var committer = sink.createCommitter(TestWriterContext.restored(0, 1, 1))) {
            committer.commit(List.of(pending));
            writer.abortLeftovers(List.of(pending));
            writer.write("after", Long.MIN_VALUE);
            committer.commit(writer.prepareCommit(2));
        }
        List<String> expected = new ArrayList<>(IntStream.range(0, 1000).mapToObj(i -> "r" + i).toList());
        expected.add("after");
        assertThat(ChronicleRecords.readCommitted(queue, RecordFormat.strings())).isEqualTo(expected);
        assertThat(Drive.tailCommitted(queue)).isEqualTo(expected);
    }
}
