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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Savepoints of the keyed windowed {@link WindowCountJob} (parallelism 2) into an exactly-once file sink:
 * a job started from a savepoint (execution.savepoint.path) continues exactly where the savepoint was taken
 * (after record 3050, in the middle of open windows); stop-with-savepoint finishes the job; state that the
 * new job cannot take is refused with a clear error.
 */
class FileSinkSavepointTest {
    private static final long AT = 3_050;
    private static final long LAST = 6_000;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path checkpoints;

    @TempDir
    Path savepoints;

    @TempDir
    Path output;

    private StreamEnvironment environment() {
        return StreamEnvironment.create().setParallelism(2)
                .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString());
    }

    private static CheckpointInfo completedSavepoint(CompletableFuture<CheckpointInfo> savepoint) throws Exception {
        CheckpointInfo info = savepoint.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(info.status()).isEqualTo(CheckpointInfo.Status.COMPLETED);
        assertThat(info.savepoint()).isTrue();
        return info;
    }

    /** Runs the job up to {@link #AT}, takes a savepoint, then cancels it; returns the savepoint's location. */
    private String savepointThenCancel() throws Exception {
        GatedSource source = new GatedSource(LAST);
        StreamEnvironment env = environment();
        WindowCountJob.build(env, source, output);
        JobClient job = env.executeAsync("windows-before");
        source.release(AT, BOUND);
        CheckpointInfo savepoint = completedSavepoint(job.triggerSavepoint(savepoints.resolve("sp").toString()));
        job.cancel();
        assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.CANCELED);
        return savepoint.location();
    }

    /** Runs the job from {@code savepoint} to the end; returns its source. */
    private GatedSource resume(StreamEnvironment env, String savepoint) throws Exception {
        GatedSource source = new GatedSource(LAST);
        source.open(LAST);
        WindowCountJob.build(env.configure(RecoveryOptions.SAVEPOINT_PATH, savepoint), source, output);
        JobClient job = env.executeAsync("windows-after");
        assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);
        return source;
    }

    @Test
    void shouldContinueExactlyWhereASavepointTakenMidRunLeftOff() throws Exception {
        String savepoint = savepointThenCancel();

        GatedSource resumed = resume(environment(), savepoint);

        assertThat(resumed.assignments()).containsExactly(new GatedSource.Split(0, AT + 1));
        assertThat(PartFiles.staged(output)).isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(WindowCountJob.expected(LAST));
    }

    @Test
    void shouldFinishAJobStoppedWithASavepointThatANewJobResumes() throws Exception {
        GatedSource source = new GatedSource(LAST);
        StreamEnvironment env = environment();
        WindowCountJob.build(env, source, output);
        JobClient job = env.executeAsync("windows-stopped");
        source.release(AT, BOUND);

        CheckpointInfo savepoint = completedSavepoint(job.stopWithSavepoint(savepoints.resolve("stop").toString()));

        assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);
        // stopped without draining: the windows that the watermark closed are committed, the open ones are not
        List<String> closed = WindowCountJob.expected(LAST).stream()
                .filter(line -> windowStart(line) + WindowCountJob.WINDOW_MILLIS <= AT).toList();
        assertThat(PartFiles.staged(output)).isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(closed);

        resume(environment(), savepoint.location());
        assertThat(PartFiles.staged(output)).isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(WindowCountJob.expected(LAST));
    }

    @Test
    void shouldRefuseASavepointWithStateForAnOperatorTheJobNoLongerHas() throws Exception {
        String savepoint = savepointThenCancel();
        StreamEnvironment env = environment().configure(RecoveryOptions.SAVEPOINT_PATH, savepoint);
        GatedSource source = new GatedSource(LAST);
        source.open(LAST);
        WindowCountJob.build(env, source, output, "window-count-v2");

        assertThatThrownBy(() -> env.executeAsync("windows-renamed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window-count")
                .hasMessageContaining(savepoint)
                .hasMessageContaining(RecoveryOptions.ALLOW_NON_RESTORED_STATE.key());
        assertThat(source.assignments()).as("nothing ran").isEmpty();
    }

    @Test
    void shouldStartWithoutTheUnmatchedStateWhenNonRestoredStateIsAllowed() throws Exception {
        String savepoint = savepointThenCancel();
        StreamEnvironment env = environment().configure(RecoveryOptions.SAVEPOINT_PATH, savepoint)
                .configure(RecoveryOptions.ALLOW_NON_RESTORED_STATE, true);
        GatedSource source = new GatedSource(LAST);
        source.open(LAST);
        WindowCountJob.build(env, source, output, "window-count-v2");

        JobClient job = env.executeAsync("windows-renamed");

        assertThat(job.await(BOUND).status()).isEqualTo(JobStatus.FINISHED);
        assertThat(source.assignments()).as("the source's state was still restored")
                .containsExactly(new GatedSource.Split(0, AT + 1));
        // the windows closed before the savepoint, then the job counting from record 3051 with empty windows
        List<String> expected = new ArrayList<>(WindowCountJob.expected(1, AT).stream()
                .filter(line -> windowStart(line) + WindowCountJob.WINDOW_MILLIS <= AT).toList());
        expected.addAll(WindowCountJob.expected(AT + 1, LAST));
        assertThat(PartFiles.staged(output)).isEmpty();
        assertThat(PartFiles.visibleLines(output)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldRefuseKeyedStateWhenTheMaxParallelismChanged() throws Exception {
        String savepoint = savepointThenCancel();
        StreamEnvironment env = environment().setMaxParallelism(64)
                .configure(RecoveryOptions.SAVEPOINT_PATH, savepoint);
        WindowCountJob.build(env, new GatedSource(LAST), output);

        assertThatThrownBy(() -> env.executeAsync("windows-rekeyed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max parallelism 128")
                .hasMessageContaining("64")
                .hasMessageContaining(savepoint);
    }

    private static long windowStart(String line) {
        return Long.parseLong(line.replaceAll(".* window=(\\d+) .*", "$1"));
    }
}
