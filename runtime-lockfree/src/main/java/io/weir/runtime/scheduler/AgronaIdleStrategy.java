package io.weir.runtime.scheduler;

import io.weir.spi.scheduler.IdleStrategy;

import java.util.Objects;

/**
 * Adapts one of Agrona's idle strategies to the Weir SPI; every method delegates.
 *
 * <h2>Thread safety</h2>
 * As the delegate: one instance per thread.
 */
final class AgronaIdleStrategy implements IdleStrategy {
    private final org.agrona.concurrent.IdleStrategy delegate;

    AgronaIdleStrategy(org.agrona.concurrent.IdleStrategy delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void idle(int workCount) {
        delegate.idle(workCount);
    }

    @Override
    public void idle() {
        delegate.idle();
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    /** Agrona's short name of the delegate, such as {@code "backoff"}. */
    String alias() {
        return delegate.alias();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
