package io.weir.connectors.files;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExecutionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bounded jobs into the file sink through the real runtime (no checkpoints): everything shows up once. */
class FileSinkPipelineTest {
    @TempDir
    Path dir;

    private static StreamEnvironment environment() {
        return StreamEnvironment.create()
                .setParallelism(3)
                .configure(ExecutionOptions.WATCHDOG_TIMEOUT, Duration.ofSeconds(60));
    }

    private static String[] expected() {
        return LongStream.rangeClosed(1, 20_000).mapToObj(Long::toString).toArray(String[]::new);
    }

    @Test
    void shouldCommitEveryRecordOnceAtTheEndOfAnExactlyOnceJob() {
        StreamEnvironment env = environment();
        env.fromSequence(1, 20_000).sinkTo(FileSink.forRows(dir).withRollingSize(16 * 1024).build());
        env.execute("file sink exactly-once");

        assertThat(PartFiles.staged(dir)).isEmpty();
        assertThat(PartFiles.visible(dir)).hasSizeGreaterThan(3);
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrder(expected());
    }

    @Test
    void shouldPublishEveryRecordAtTheEndOfAnAtLeastOnceJob() {
        StreamEnvironment env = environment();
        env.fromSequence(1, 20_000).sinkTo(FileSink.forRows(dir).withRollingSize(16 * 1024).atLeastOnce().build());
        env.execute("file sink at-least-once");

        assertThat(PartFiles.staged(dir)).isEmpty();
        assertThat(PartFiles.visibleLines(dir)).containsExactlyInAnyOrder(expected());
    }
}
