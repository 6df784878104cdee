package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;
import io.weir.api.time.Clock;

import java.time.Duration;

/**
 * Wraps a generator and marks the output idle when no record arrived for {@code idleTimeout} of
 * processing time; the first record after that makes it active again (as Flink's).
 *
 * @param <T> record type
 */
@Stable
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> delegate;
    private final long idleTimeoutMillis;
    private final Clock clock;
    private long lastActivity = Long.MIN_VALUE;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> delegate, Duration idleTimeout, Clock clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
        }
        this.delegate = delegate;
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.clock = clock;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        lastActivity = clock.currentTimeMillis();
        if (idle) {
            idle = false;
            output.markActive();
        }
        delegate.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.currentTimeMillis();
        if (lastActivity == Long.MIN_VALUE) {
            lastActivity = now;
        }
        if (!idle && now - lastActivity >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        } else if (!idle) {
            delegate.onPeriodicEmit(output);
        }
    }
}
