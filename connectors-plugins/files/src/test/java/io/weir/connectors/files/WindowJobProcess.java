package io.weir.connectors.files;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.CheckpointOptions;
import io.weir.api.config.RecoveryOptions;
import io.weir.runtime.testing.GatedSource;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link FileSinkProcessKillTest}: runs {@link WindowCountJob} over a rate-limited source
 * with periodic checkpoints (every 100 ms of the system clock) until its end, optionally starting from a
 * checkpoint or savepoint. Prints {@value #DONE} and exits with 0 when the job finished, 1 when it failed.
 *
 * <p>Arguments: {@code <checkpoint dir> <output dir> <last number> <records per second> [<restore path>]}.
 */
public final class WindowJobProcess {
    static final String DONE = "WEIR-CHILD-JOB-FINISHED";

    private WindowJobProcess() {
    }

    public static void main(String[] args) {
        try {
            Path checkpoints = Path.of(args[0]);
            Path output = Path.of(args[1]);
            long last = Long.parseLong(args[2]);
            long perSecond = Long.parseLong(args[3]);
            StreamEnvironment env = StreamEnvironment.create().setParallelism(2)
                    .configure(CheckpointOptions.CHECKPOINT_DIRECTORY, checkpoints.toString())
                    .configure(CheckpointOptions.CHECKPOINTS_RETAINED, 3)
                    .configure(RecoveryOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(100))
                    .configure(RecoveryOptions.RESTART_STRATEGY, "none");
            if (args.length > 4) {
                env.configure(RecoveryOptions.SAVEPOINT_PATH, args[4]);
            }
            WindowCountJob.build(env, GatedSource.rateLimited(last, perSecond), output);
            System.out.println("job result: " + env.execute("windows-in-a-child-jvm"));
            System.out.println(DONE);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
