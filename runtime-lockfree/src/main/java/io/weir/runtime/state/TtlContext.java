package io.weir.runtime.state;

import io.weir.api.state.StateTtlConfig;

import java.util.function.LongSupplier;

/** The TTL rules of one state ({@link StateTtlConfig}) with the processing-time clock they are measured on. */
final class TtlContext {
    final StateTtlConfig config;
    private final LongSupplier clock;
    private final long ttl;
    final boolean updateOnRead;
    final boolean returnExpired;

    TtlContext(StateTtlConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.ttl = config.ttlMillis();
        this.updateOnRead = config.updateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = config.stateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Whether {@code value} has expired at {@code now}: {@code lastAccess + ttl <= now}, as Flink's TtlUtils. */
    boolean expired(TtlValue<?> value, long now) {
        long lastAccess = value.lastAccess();
        long ttlWithoutOverflow = lastAccess > 0 ? Math.min(Long.MAX_VALUE - lastAccess, ttl) : ttl;
        return lastAccess + ttlWithoutOverflow <= now;
    }

    <T> TtlValue<T> wrap(T value, long now) {
        return new TtlValue<>(value, now);
    }
}
