package io.weir.connectors.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Exactly-once across a crash of the whole JVM: {@link WindowJobProcess} runs in a child JVM with periodic
 * checkpoints; once checkpoint 3 is complete and output was committed the child is killed
 * ({@link Process#destroyForcibly()}, SIGKILL on Linux: no shutdown hook, no flush, no clean-up); a second
 * child restores the newest retained checkpoint (execution.savepoint.path = its {@code chk-N} folder) and
 * runs to the end. The committed part files must then hold exactly the failure-free output.
 */
class FileSinkProcessKillTest {
    private static final long LAST = 15_000;
    private static final long PER_SECOND = 5_000;   // about 3 s of input per child
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void shouldCommitExactlyTheFailureFreeOutputAfterTheJvmIsKilled() throws Exception {
        Path checkpoints = work.resolve("checkpoints");
        Path output = work.resolve("output");
        Path firstLog = work.resolve("first.log");
        Path secondLog = work.resolve("second.log");

        Process first = start(firstLog, checkpoints, output, null);
        try {
            awaitOrFail(() -> newestId(checkpoints) >= 3 && Files.isDirectory(output)
                    && !PartFiles.visible(output).isEmpty(), first, firstLog, "checkpoint 3 and committed output");
        } finally {
            first.destroyForcibly();
            first.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(first.isAlive()).isFalse();
        assertThat(Files.readString(firstLog)).as("the first child was killed before its job finished")
                .doesNotContain(WindowJobProcess.DONE);
        List<String> beforeRestart = PartFiles.visibleLines(output);
        Path newest = CheckpointFiles.newestCompleted(checkpoints).orElseThrow();

        Process second = start(secondLog, checkpoints, output, newest);
        if (!second.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            second.destroyForcibly();
            fail("the restored child did not finish within " + BOUND + "\n" + logs(firstLog, secondLog));
        }
        if (second.exitValue() != 0) {
            fail("the restored child failed (exit " + second.exitValue() + ")\n" + logs(firstLog, secondLog));
        }

        List<String> expected = WindowCountJob.expected(LAST);
        assertThat(beforeRestart).as("committed before the kill").isNotEmpty().hasSizeLessThan(expected.size());
        assertThat(PartFiles.staged(output)).as("staged leftovers\n%s", logs(firstLog, secondLog)).isEmpty();
        assertThat(PartFiles.visibleLines(output)).as("restored from %s\n%s", newest, logs(firstLog, secondLog))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static long newestId(Path checkpoints) {
        return CheckpointFiles.newestCompleted(checkpoints)
                .map(p -> Long.parseLong(p.getFileName().toString().substring("chk-".length()))).orElse(0L);
    }

    /** Starts a child JVM with this JVM's java, class path and the build's JVM flags. */
    private static Process start(Path log, Path checkpoints, Path output, Path restore) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("weir.jvm.flags", "").trim();
        if (!flags.isEmpty()) {
            command.addAll(Arrays.asList(flags.split("\\s+")));
        }
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WindowJobProcess.class.getName(), checkpoints.toString(), output.toString(), Long.toString(LAST),
                Long.toString(PER_SECOND)));
        if (restore != null) {
            command.add(restore.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Polls {@code condition} until it holds; fails, with the child's output, if the child exits or time runs out. */
    private static void awaitOrFail(BooleanSupplier condition, Process child, Path log, String what)
            throws IOException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                fail("the child exited (" + child.exitValue() + ") before " + what + "\n" + logs(log));
            }
            if (System.nanoTime() - deadline > 0) {
                fail("no " + what + " within " + BOUND + "\n" + logs(log));
            }
            LockSupport.parkNanos(5_000_000L); // poll interval while the child works
        }
    }

    private static String logs(Path... logs) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            all.append("---- ").append(log.getFileName()).append(" ----\n");
            all.append(Files.exists(log) ? Files.readString(log) : "(none)\n");
        }
        return all.toString();
    }
}
