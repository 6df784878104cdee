package io.weir.api.config;

import io.weir.api.annotation.Stable;

import java.time.Duration;

/** How a job recovers: checkpointing cadence, restart strategy, and where a fresh start restores from. */
@Stable
public final class RecoveryOptions {
    private RecoveryOptions() {
    }

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL = ConfigOption.of("checkpoint.interval", Duration.class,
            Duration.ZERO, "time between periodic checkpoints (job clock); 0 disables periodic checkpoints");

    public static final ConfigOption<Duration> CHECKPOINT_TIMEOUT = ConfigOption.of("checkpoint.timeout", Duration.class,
            Duration.ofMinutes(10), "a checkpoint not complete after this long is aborted");

    public static final ConfigOption<Duration> CHECKPOINT_MIN_PAUSE = ConfigOption.of("checkpoint.min-pause",
            Duration.class, Duration.ZERO, "least time between the end of one checkpoint and the start of the next");

    public static final ConfigOption<Integer> CHECKPOINT_MAX_CONCURRENT = ConfigOption.of("checkpoint.max-concurrent",
            Integer.class, 1, "checkpoints in flight at once (only 1 is supported)");

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOption.of("restart-strategy", String.class, "none",
            "none, fixed-delay or exponential-delay (default: exponential-delay when checkpointing, else none)");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOption.of(
            "restart-strategy.fixed-delay.attempts", Integer.class, 3, "restarts before the job fails for good");

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOption.of("restart-strategy.fixed-delay.delay",
            Duration.class, Duration.ofSeconds(1), "pause before each restart");

    public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF = ConfigOption.of(
            "restart-strategy.exponential-delay.initial-backoff", Duration.class, Duration.ofSeconds(1),
            "pause before the first restart");

    public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF = ConfigOption.of(
            "restart-strategy.exponential-delay.max-backoff", Duration.class, Duration.ofMinutes(1), "longest pause");

    public static final ConfigOption<Double> EXPONENTIAL_MULTIPLIER = ConfigOption.of(
            "restart-strategy.exponential-delay.backoff-multiplier", Double.class, 2.0, "growth of the pause");

    public static final ConfigOption<Duration> EXPONENTIAL_RESET_THRESHOLD = ConfigOption.of(
            "restart-strategy.exponential-delay.reset-backoff-threshold", Duration.class, Duration.ofHours(1),
            "running this long without failing resets the pause");

    public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS = ConfigOption.of(
            "restart-strategy.exponential-delay.attempts-before-reset-backoff", Integer.class, Integer.MAX_VALUE,
            "restarts in a row (without a reset) before the job fails for good");

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOption.of("execution.savepoint.path", String.class,
            null, "a retained checkpoint or savepoint to start from");

    public static final ConfigOption<Boolean> ALLOW_NON_RESTORED_STATE = ConfigOption.of(
            "execution.savepoint.allow-non-restored-state", Boolean.class, false,
            "start even if the savepoint has state for operators the job no longer has");
}
