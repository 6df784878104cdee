package io.weir.api.config;

import io.weir.api.annotation.Stable;

import io.weir.api.time.Clock;

import java.time.Duration;

/** The options that shape how a job runs. Set them on {@code StreamEnvironment.configure(...)}. */
@Stable
public final class ExecutionOptions {
    private ExecutionOptions() {
    }

    public static final ConfigOption<Integer> PARALLELISM = ConfigOption.of("parallelism", Integer.class,
            Runtime.getRuntime().availableProcessors(),
            "default number of parallel subtasks per operator (default: the number of cores)");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOption.of("max-parallelism", Integer.class, 128,
            "number of key groups: the upper bound for the parallelism of keyed operators");

    public static final ConfigOption<String> SCHEDULER = ConfigOption.of("scheduler", String.class, "cooperative",
            "name of the scheduler that maps tasklets to threads (built in: dedicated, cooperative)");

    public static final ConfigOption<IdleStrategyKind> IDLE_STRATEGY = ConfigOption.of("scheduler.idle-strategy",
            IdleStrategyKind.class, IdleStrategyKind.BACKOFF, "what a scheduler thread does when it finds no work");

    public static final ConfigOption<Integer> WORKERS = ConfigOption.of("scheduler.workers", Integer.class, 0,
            "worker threads of the cooperative scheduler; 0 means one per core");

    public static final ConfigOption<ExchangeMode> EXCHANGE_MODE = ConfigOption.of("exchange.mode", ExchangeMode.class,
            ExchangeMode.OBJECT, "how records cross between tasks: object or serialized");

    public static final ConfigOption<Integer> CHANNEL_CAPACITY = ConfigOption.of("exchange.channel-capacity",
            Integer.class, 16, "batches (object mode) or buffers (serialized mode) one channel holds; a power of two");

    public static final ConfigOption<Integer> BATCH_SIZE = ConfigOption.of("exchange.batch-size", Integer.class, 256,
            "records per batch in object mode");

    public static final ConfigOption<Integer> BUFFER_SIZE = ConfigOption.of("exchange.buffer-size", Integer.class,
            32 * 1024, "bytes per off-heap buffer in serialized mode; one record must fit in one buffer");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOption.of(
            "pipeline.auto-watermark-interval", Duration.class, Duration.ofMillis(200),
            "processing-time period of periodic watermark generation (0 disables it), as Flink's");

    public static final ConfigOption<Clock> CLOCK = ConfigOption.of("clock", Clock.class, Clock.system(),
            "processing-time clock (set a ManualClock in tests with StreamEnvironment.setClock)");

    public static final ConfigOption<Boolean> WINDOW_SLICING = ConfigOption.of("window.slicing", Boolean.class, true,
            "share per-slice partial aggregates between overlapping tumbling/sliding windows with reduce/aggregate "
                    + "(functions must be associative and commutative, and must not modify their arguments)");

    public static final ConfigOption<Duration> WATCHDOG_TIMEOUT = ConfigOption.of("watchdog.timeout", Duration.class,
            Duration.ofSeconds(30), "how long a job may make no progress while data waits before it is failed");
}
