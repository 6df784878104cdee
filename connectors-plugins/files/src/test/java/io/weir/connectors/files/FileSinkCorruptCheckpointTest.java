package io.weir.connectors.files;

import io.weir.api.JobClient;
import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.metrics.CheckpointInfo;
import io.weir.runtime.fault.FaultPoint;
import io.weir.runtime.testing.GatedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery falls back to an older checkpoint when the newest one cannot be read. Checkpoints 1 (after
 * record 2050) and 2 (after 3050) complete with two retained; then, once checkpoint 2's metadata is
 * durable and before its output is committed (fault point DURING_COMMIT of checkpoint 2, in the only sink
 * subtask), a file of checkpoint 2 is damaged and the job fails. The restart must skip checkpoint 2,
 * restore checkpoint 1 (the source resumes after record 2050) and still commit exactly the failure-free
 * output: checkpoint 2's staged parts are leftovers of a checkpoint that is no longer restorable.
 */
class FileSinkCorruptCheckpointTest {
    private static final long FIRST = 2_050;
    private static final long SECOND = 3_050;
    private static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    @TempDir
    Path output;

    @Test
    void shouldRestoreThePreviousCheckpointWhenAKeyedStateFileOfTheNewestIsCorrupt() throws Exception {
        runWithCheckpointTwoDamaged(() -> {
            List<Path> files = CheckpointFiles.keyedStateFiles(CheckpointFiles.checkpoint(checkpoints, 2));
            assertThat(files).as("keyed state files of checkpoint 2").isNotEmpty();
            files.forEach(f -> CheckpointFiles.flipBytes(f, 8));
        });
    }

    @Test
    void shouldRestoreThePreviousCheckpointWhenAKeyedStateFileOfTheNewestIsTruncated() throws Exception {
        runWithCheckpointTwoDamaged(() -> CheckpointFiles.keyedStateFiles(CheckpointFiles.checkpoint(checkpoints, 2))
                .forEach(CheckpointFiles::truncateToHalf));
    }

    @Test
    void shouldRestoreThePreviousCheckpointWhenTheMetadataOfTheNewestIsCorrupt() throws Exception {
        runWithCheckpointTwoDamaged(() -> CheckpointFiles.flipBytes(
                CheckpointFiles.checkpoint(checkpoints, 2).resolve(CheckpointFiles.METADATA), 4));
    }

    private void runWithCheckpointTwoDamaged(Runnable damage) throws Exception {
        GatedSource source = new GatedSource(LAST);
        FailOnce faults = FailOnce.atCheckpoint(FaultPoint.DURING_COMMIT, 2, damage);
        StreamEnvironment env = FileSinkFaultInjectionTest.environment("dedicated", ExchangeMode.OBJECT, checkpoints,
                faults);
        WindowCountJob.build(env, source, output).setParallelism(1); // one committer: nothing of checkpoint 2 commits
        JobClient job = env.executeAsync("corrupt-checkpoint");

        source.release(FIRST, BOUND);
        assertThat(job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS).status())
                .isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.release(SECOND, BOUND);
        assertThat(job.triggerCheckpoint().get(BOUND.toSeconds(), TimeUnit.SECONDS).status())
                .isEqualTo(CheckpointInfo.Status.COMPLETED);
        source.open(LAST);
        job.await(BOUND);

        assertThat(faults.fired()).as("checkpoint 2 was damaged and the job failed").isTrue();
        assertThat(job.restarts()).isEqualTo(1);
        assertThat(source.assignments()).as("the source restarted after checkpoint 1, not 2")
                .containsExactly(new GatedSource.Split(0, 1), new GatedSource.Split(0, FIRST + 1));
        assertThat(PartFiles.staged(output)).as("staged leftovers").isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(WindowCountJob.expected(LAST));
    }
}
