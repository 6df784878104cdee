package io.weir.runtime.execution;

import io.weir.api.config.Configuration;
import io.weir.api.config.RecoveryOptions;

/**
 * Whether, and after how long, a failed job restarts: {@code none}, {@code fixed-delay} (a number of
 * attempts with a fixed pause) or {@code exponential-delay} (the pause doubles, up to a maximum, and
 * resets after the job ran without failing for a while), as Flink's restart strategies.
 *
 * <h2>Thread safety</h2>
 * Used by the job's supervisor thread only.
 */
public sealed interface RestartStrategy {

    /**
     * Called after a failure at {@code nowMillis}: the pause before restarting, or -1 to give up.
     *
     * @param failures failures so far, this one included
     */
    long nextDelayMillis(int failures, long nowMillis);

    /** Never restart. */
    record None() implements RestartStrategy {
        @Override
        public long nextDelayMillis(int failures, long nowMillis) {
            return -1;
        }
    }

    /** Up to {@code attempts} restarts, each after {@code delayMillis}. */
    record FixedDelay(int attempts, long delayMillis) implements RestartStrategy {
        @Override
        public long nextDelayMillis(int failures, long nowMillis) {
            return failures <= attempts ? delayMillis : -1;
        }
    }

    /**
     * A pause starting at {@code initialMillis}, multiplied by {@code multiplier} after each failure up to
     * {@code maxMillis}, back to the initial one when the job ran {@code resetAfterMillis} without failing;
     * at most {@code attempts} restarts in a row.
     */
    final class ExponentialDelay implements RestartStrategy {
        private final long initialMillis;
        private final long maxMillis;
        private final double multiplier;
        private final long resetAfterMillis;
        private final int attempts;
        private long current;
        private long lastFailure = Long.MIN_VALUE;
        private int inARow;

        public ExponentialDelay(long initialMillis, long maxMillis, double multiplier, long resetAfterMillis, int attempts) {
            if (initialMillis < 0 || maxMillis < initialMillis || multiplier < 1) {
                throw new IllegalArgumentException("exponential-delay restart strategy: need 0 <= initial <= max and multiplier >= 1");
            }
            this.initialMillis = initialMillis;
            this.maxMillis = maxMillis;
            this.multiplier = multiplier;
            this.resetAfterMillis = resetAfterMillis;
            this.attempts = attempts;
        }

        @Override
        public long nextDelayMillis(int failures, long nowMillis) {
            if (lastFailure != Long.MIN_VALUE && nowMillis - lastFailure >= resetAfterMillis) {
                current = 0;
                inARow = 0;
            }
            lastFailure = nowMillis;
            if (++inARow > attempts) {
                return -1;
            }
            current = current == 0 ? initialMillis : Math.min(maxMillis, (long) Math.ceil(current * multiplier));
            return current;
        }
    }

    /** The strategy configured in {@code configuration}; checkpointing on and nothing set means exponential-delay. */
    static RestartStrategy from(Configuration configuration, boolean checkpointing) {
        String name = configuration.contains(RecoveryOptions.RESTART_STRATEGY.key())
                ? configuration.get(RecoveryOptions.RESTART_STRATEGY) : (checkpointing ? "exponential-delay" : "none");
        return switch (name) {
            case "none", "disable", "off" -> new None();
            case "fixed-delay" -> new FixedDelay(configuration.get(RecoveryOptions.FIXED_DELAY_ATTEMPTS),
                    configuration.get(RecoveryOptions.FIXED_DELAY_DELAY).toMillis());
            case "exponential-delay" -> new ExponentialDelay(
                    configuration.get(RecoveryOptions.EXPONENTIAL_INITIAL_BACKOFF).toMillis(),
                    configuration.get(RecoveryOptions.EXPONENTIAL_MAX_BACKOFF).toMillis(),
                    configuration.get(RecoveryOptions.EXPONENTIAL_MULTIPLIER),
                    configuration.get(RecoveryOptions.EXPONENTIAL_RESET_THRESHOLD).toMillis(),
                    configuration.get(RecoveryOptions.EXPONENTIAL_ATTEMPTS));
            default -> throw new IllegalArgumentException("option '" + RecoveryOptions.RESTART_STRATEGY.key() + "': unknown '"
                    + name + "'; accepted: none, fixed-delay, exponential-delay");
        };
    }
}
