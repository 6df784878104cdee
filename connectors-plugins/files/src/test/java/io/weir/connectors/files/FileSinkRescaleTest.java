package io.weir.connectors.files;

import io.weir.api.JobClient;
import io.weir.api.JobStatus;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rescaling through savepoints, 1 -> 3 -> 2: {@link SplitSumJob} (source split positions as operator list
 * state, a keyed rolling sum, the file sink's pending committables) is stopped with a savepoint after record
 * 2000, resumed at parallelism 3, stopped again after record 4000, resumed at parallelism 2 and run to the
 * end; the committed lines must be exactly those of one failure-free run.
 */
class FileSinkRescaleTest {
    private static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    @TempDir
    Path savepoints;

    @TempDir
    Path output;

    /** Runs the job at {@code parallelism} (from {@code savepoint} unless null) up to {@code upTo}, then stops it. */
    private Run run(int parallelism, String savepoint, long upTo) throws Exception {
        GatedSource source = SplitSumJob.source(LAST);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString());
        if (savepoint != null) {
            env.configure(RecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        SplitSumJob.build(env, source, output);
        JobClient job = env.executeAsync("split-sums-" + parallelism);
        if (upTo >= LAST) {
            source.open(LAST);
            assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);
            return new Run(source, null);
        }
        source.release(upTo, BOUND);
        CheckpointInfo info = job.stopWithSavepoint(savepoints.resolve("at-" + upTo).toString())
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);
        return new Run(source, info.location());
    }

    private record Run(GatedSource source, String savepoint) {
    }

    @Test
    void shouldCommitExactlyOnceWhenRescaledFromOneToThreeToTwo() throws Exception {
        Run one = run(1, null, 2_000);
        Run three = run(3, one.savepoint(), 4_000);
        Run two = run(2, three.savepoint(), LAST);

        assertThat(three.source().assignments()).as("every split resumed after record 2000")
                .hasSize(SplitSumJob.SPLITS).allMatch(s -> s.next() > 2_000 && s.next() <= 2_000 + SplitSumJob.SPLITS);
        assertThat(two.source().assignments()).as("every split resumed after record 4000")
                .hasSize(SplitSumJob.SPLITS).allMatch(s -> s.next() > 4_000 && s.next() <= 4_000 + SplitSumJob.SPLITS);
        assertThat(PartFiles.staged(output)).isEmpty();
        assertThat(PartFiles.visible(output)).as("parts of every subtask of every run")
                .anyMatch(n -> n.startsWith("part-2-"));
        List<String> lines = PartFiles.visibleLines(output);
        assertThat(lines).containsExactlyInAnyOrderElementsOf(SplitSumJob.expected(LAST));
    }
}
