package io.weir.api.time;

import io.weir.api.annotation.Stable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: for deterministic tests of processing-time behaviour.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: a test thread advances it while task threads read it.
 */
@Stable
public final class ManualClock implements Clock {
    private final AtomicLong now;

    /** A clock at {@code startMillis}. */
    public ManualClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    /** A clock at 0. */
    public ManualClock() {
        this(0);
    }

    @Override
    public long currentTimeMillis() {
        return now.get();
    }

    /** Moves the clock forward by {@code duration} (not negative). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock never goes backwards: " + duration);
        }
        now.addAndGet(duration.toMillis());
    }

    /** Sets the clock to {@code millis}, which must not be earlier than now. */
    public void set(long millis) {
        long current = now.get();
        if (millis < current) {
            throw new IllegalArgumentException("a clock never goes backwards: " + millis + " < " + current);
        }
        now.set(millis);
    }
}
