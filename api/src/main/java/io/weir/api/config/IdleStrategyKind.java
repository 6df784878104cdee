package io.weir.api.config;

import io.weir.api.annotation.Stable;

/** What a scheduler thread does when it finds no work. */
@Stable
public enum IdleStrategyKind {
    /** Spin on the CPU: lowest latency, burns a core. */
    BUSY_SPIN,
    /** {@link Thread#yield()} between attempts. */
    YIELD,
    /** Spin, then yield, then park with an exponentially growing pause (the default). */
    BACKOFF
}
