package io.weir.connectors.files.source;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.time.ManualClock;
import io.weir.spi.source.Boundedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitoring source on a manual clock: new files are found only when the interval has passed, each file is
 * read once, hidden files are ignored, and after a restore no file is read again.
 */
class MonitoringTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_000);
    private final Configuration configuration = new Configuration().set(ExecutionOptions.CLOCK, clock);

    private FileSource<String> source() {
        return FileSource.forFormat(LineFormat.text(), dir).monitorEvery(INTERVAL).blockSize(8).build();
    }

    @Test
    void shouldReadNewFilesOnceAfterEachInterval() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\n");
        assertThat(source().boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        try (var harness = new SourceHarness<>(source(), 2, configuration, null)) {
            assertThat(harness.runToEnd().all()).containsExactlyInAnyOrder("a1", "a2");

            Files.writeString(dir.resolve("b.txt"), "b1\nb2 is longer than a block\n");
            Files.writeString(dir.resolve(".c.txt"), "hidden\n");
            clock.advance(INTERVAL.minusMillis(1));
            assertThat(harness.runToEnd().all()).as("before the interval").hasSize(2);

            clock.advance(Duration.ofMillis(1));
            assertThat(harness.runToEnd().all()).containsExactlyInAnyOrder("a1", "a2", "b1", "b2 is longer than a block");

            Files.writeString(dir.resolve("a.txt"), "a1\na2\nappended later\n"); // a file already read is not read again
            clock.advance(INTERVAL);
            assertThat(harness.runToEnd().all()).hasSize(4);
        }
    }

    @Test
    void shouldNotReadAFileTwiceAfterARestore() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "a1\na2\n");
        List<String> seen = new ArrayList<>();
        SourceHarness.Checkpoint checkpoint;
        try (var before = new SourceHarness<>(source(), 1, configuration, null)) {
            before.runToEnd();
            Files.writeString(dir.resolve("b.txt"), "b1\nb2\nb3\nb4\n");
            clock.advance(INTERVAL);
            before.poll(0); // finds b.txt and reads its first block
            checkpoint = before.checkpoint(1);
            seen.addAll(before.all());
        }
        assertThat(checkpoint.enumerator()).anySatisfy(s -> assertThat(s).isInstanceOf(DiscoveredFiles.class));
        Files.writeString(dir.resolve("c.txt"), "c1\n");
        clock.advance(INTERVAL);
        try (var after = new SourceHarness<>(source(), 2, configuration, checkpoint)) {
            seen.addAll(after.runToEnd().all());
        }
        assertThat(seen).containsExactlyInAnyOrder("a1", "a2", "b1", "b2", "b3", "b4", "c1");
    }
}
