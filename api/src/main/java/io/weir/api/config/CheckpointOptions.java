package io.weir.api.config;

import io.weir.api.annotation.Evolving;

/** The options of checkpoints and their storage. Set them on {@code StreamEnvironment.configure(...)}. */
@Evolving
public final class CheckpointOptions {
    private CheckpointOptions() {
    }

    public static final ConfigOption<String> CHECKPOINT_STORAGE = ConfigOption.of("checkpoint.storage", String.class,
            "filesystem", "name of the checkpoint storage that keeps checkpoints and savepoints (built in: filesystem)");

    public static final ConfigOption<String> CHECKPOINT_DIRECTORY = ConfigOption.of("checkpoint.directory",
            String.class, null, "folder of the job's checkpoints, one chk-<id> folder each (default: "
                    + "checkpoints/<job name> under java.io.tmpdir)");

    public static final ConfigOption<Integer> CHECKPOINTS_RETAINED = ConfigOption.of("checkpoint.retained",
            Integer.class, 1, "completed checkpoints kept; older ones are deleted (savepoints are never deleted)");
}
