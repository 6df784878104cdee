package io.weir.connectors.chronicle;

import io.weir.spi.testing.TestReaderContext;
import io.weir.spi.testing.TestSourceOutput;
import io.weir.spi.testing.TestWriterContext;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers, writers and committers close every queue they open: after many open-use-close rounds no file of
 * the queues stays open and no thread is left behind (Chronicle's two JVM-wide daemon threads, the resource
 * releaser and the disk-space checker, start with the first queue and are not per queue).
 */
class ResourceTest {
    @TempDir
    Path dir;

    private static long openQueueFiles(Path dir) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0; // not Linux: nothing to count
        }
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(l -> {
                try {
                    return Files.readSymbolicLink(l).toString();
                } catch (IOException e) {
                    return "";
                }
            }).filter(t -> t.startsWith(dir.toString())).count();
        }
    }

    private static Set<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private void round(int i) throws Exception {
        Path q = dir.resolve("q" + (i % 3));
        ChronicleSink<String> sink = ChronicleSink.builder(q, RecordFormat.strings()).build();
        try (var w = sink.createWriter(TestWriterContext.fresh(0, 1));
             var c = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            w.write("r" + i, Long.MIN_VALUE);
            c.commit(w.prepareCommit(i + 1));
            w.write("open", Long.MIN_VALUE);
        }
        ChronicleSource<String> source = ChronicleSource.builder(RecordFormat.strings()).queue(q).build();
        try (var reader = source.createReader(new TestReaderContext(0, 1))) {
            reader.addSplits(source.initialSplits());
            Drive.drain(reader, new TestSourceOutput<>());
        }
        assertThat(Drive.readAll(ChronicleSource.builder(RecordFormat.strings()).queue(q).bounded().build(), 1)
                .getFirst().records()).contains("r" + i);
    }

    @Test
    void shouldLeaveNoQueueFileOpenAndNoThreadBehind() throws Exception {
        try (var open = ChronicleSink.builder(dir.resolve("q0"), RecordFormat.strings()).build()
                .createWriter(TestWriterContext.fresh(0, 1))) {
            open.write("x", Long.MIN_VALUE);
            if (Files.isDirectory(Path.of("/proc/self/fd"))) {
                assertThat(openQueueFiles(dir)).as("the measure sees an open queue").isPositive();
            }
        }
        round(0);
        BackgroundResourceReleaser.releasePendingResources();
        Set<String> before = threads();

        for (int i = 1; i <= 30; i++) {
            round(i);
        }
        BackgroundResourceReleaser.releasePendingResources();

        assertThat(openQueueFiles(dir)).isZero();
        assertThat(threads()).as("threads after 30 rounds").isSubsetOf(before);
        assertThat(List.of(dir.resolve("q0"), dir.resolve("q1"), dir.resolve("q2"))).allMatch(Files::isDirectory);
    }
}
