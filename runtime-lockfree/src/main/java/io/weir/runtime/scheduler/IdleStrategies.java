package io.weir.runtime.scheduler;

import io.weir.api.config.IdleStrategyKind;
import io.weir.spi.scheduler.IdleStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.Objects;

/**
 * Creates the idle strategies that {@link IdleStrategyKind} names, backed by Agrona's
 * {@code BusySpinIdleStrategy}, {@code YieldingIdleStrategy} and {@code BackoffIdleStrategy}
 * (the latter with Agrona's defaults: 10 spins, 5 yields, then parks from 1 µs up to 1 ms).
 *
 * <h2>Thread safety</h2>
 * {@link #create} may be called from any thread; each strategy it returns belongs to one thread.
 */
public final class IdleStrategies {
    private IdleStrategies() {
    }

    /** A new idle strategy of the given kind, for one thread. */
    public static IdleStrategy create(IdleStrategyKind kind) {
        Objects.requireNonNull(kind, "kind");
        return new AgronaIdleStrategy(switch (kind) {
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case YIELD -> new YieldingIdleStrategy();
            case BACKOFF -> new BackoffIdleStrategy();
        });
    }
}
