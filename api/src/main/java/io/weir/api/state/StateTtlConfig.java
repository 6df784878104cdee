package io.weir.api.state;

import io.weir.api.annotation.Stable;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state, as Flink's {@code StateTtlConfig}. Built with
 * {@code StateTtlConfig.newBuilder(Duration.ofMinutes(5)).setUpdateType(...).build()} and set with
 * {@link StateDescriptor#enableTimeToLive}.
 *
 * <p>Each value (each list element, each map entry) remembers when it was last written (or, with
 * {@link UpdateType#OnReadAndWrite}, read). It expires once {@code lastAccess + ttl <= now}, where
 * {@code now} is the job's processing-time clock (TTL is measured in processing time, as in Flink;
 * a manual clock makes it deterministic in tests). What an expired value looks like:
 * <ul>
 *   <li>{@link StateVisibility#NeverReturnExpired} (the default): it is never returned; reading it
 *       removes it;</li>
 *   <li>{@link StateVisibility#ReturnExpiredIfNotCleanedUp}: it is returned once, by the read that
 *       finds it, and removed by that read.</li>
 * </ul>
 * Expired values are removed when read, and in the background by incremental cleanup: each access
 * to a state (and, with {@code runCleanupForEveryRecord}, each record of the operator) checks the
 * next {@code cleanupSize} entries of that state for expiry. It is on by default (5 entries per
 * access, as Flink's heap backend); {@link Builder#disableCleanupInBackground()} turns it off.
 * {@link Builder#cleanupFullSnapshot()} also leaves expired entries out of full snapshots.
 *
 * <h2>Thread safety</h2>
 * Immutable; the builder is not thread-safe.
 */
@Stable
public final class StateTtlConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** When a value's last-access timestamp is refreshed. */
    public enum UpdateType {
        /** TTL is off. */
        Disabled,
        /** Refreshed when the value is created or written (the default). */
        OnCreateAndWrite,
        /** Refreshed also when the value is read. */
        OnReadAndWrite
    }

    /** Whether an expired value that has not been removed yet may still be returned. */
    public enum StateVisibility {
        /** An expired value is returned by the read that finds it (and removed by it). */
        ReturnExpiredIfNotCleanedUp,
        /** An expired value is never returned (the default). */
        NeverReturnExpired
    }

    /** The incremental cleanup of Flink's heap backend by default: 5 entries per state access. */
    public static final int DEFAULT_CLEANUP_SIZE = 5;

    /** TTL off: the configuration of every descriptor until {@link StateDescriptor#enableTimeToLive}. */
    public static final StateTtlConfig DISABLED = new StateTtlConfig(Duration.ofMillis(Long.MAX_VALUE),
            UpdateType.Disabled, StateVisibility.NeverReturnExpired, 0, false, false);

    private final Duration ttl;
    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final int cleanupSize;
    private final boolean runCleanupForEveryRecord;
    private final boolean cleanupFullSnapshot;

    private StateTtlConfig(Duration ttl, UpdateType updateType, StateVisibility stateVisibility, int cleanupSize,
                           boolean runCleanupForEveryRecord, boolean cleanupFullSnapshot) {
        this.ttl = ttl;
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.cleanupSize = cleanupSize;
        this.runCleanupForEveryRecord = runCleanupForEveryRecord;
        this.cleanupFullSnapshot = cleanupFullSnapshot;
    }

    /** A builder for values that live {@code ttl} (positive, at least one millisecond). */
    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    /** Whether TTL is on (every built configuration; not {@link #DISABLED}). */
    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    /** How long a value lives after its last access. */
    public Duration ttl() {
        return ttl;
    }

    /** {@link #ttl()} in milliseconds. */
    public long ttlMillis() {
        return ttl.toMillis();
    }

    /** When the last-access timestamp is refreshed. */
    public UpdateType updateType() {
        return updateType;
    }

    /** Whether expired values may be returned. */
    public StateVisibility stateVisibility() {
        return stateVisibility;
    }

    /** Entries checked for expiry per state access; 0 when incremental cleanup is off. */
    public int cleanupSize() {
        return cleanupSize;
    }

    /** Whether incremental cleanup also runs for every record the operator processes. */
    public boolean runCleanupForEveryRecord() {
        return runCleanupForEveryRecord;
    }

    /** Whether full snapshots leave expired entries out. */
    public boolean cleanupFullSnapshot() {
        return cleanupFullSnapshot;
    }

    @Override
    public String toString() {
        return isEnabled() ? "StateTtlConfig[ttl=" + ttl + ", " + updateType + ", " + stateVisibility
                + ", cleanupSize=" + cleanupSize + ", everyRecord=" + runCleanupForEveryRecord
                + ", fullSnapshot=" + cleanupFullSnapshot + "]" : "StateTtlConfig[disabled]";
    }

    /** Builds a {@link StateTtlConfig}; every setter returns the builder. */
    public static final class Builder {
        private Duration ttl;
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private int cleanupSize = DEFAULT_CLEANUP_SIZE;
        private boolean runCleanupForEveryRecord;
        private boolean cleanupFullSnapshot;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        /** Sets how long values live (positive, at least one millisecond). */
        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.toMillis() <= 0) {
                throw new IllegalArgumentException("a state TTL must be at least 1 ms, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Sets when the last-access timestamp is refreshed; {@link UpdateType#Disabled} is refused. */
        public Builder setUpdateType(UpdateType updateType) {
            Objects.requireNonNull(updateType, "updateType");
            if (updateType == UpdateType.Disabled) {
                throw new IllegalArgumentException("UpdateType.Disabled cannot be built; do not enable TTL instead");
            }
            this.updateType = updateType;
            return this;
        }

        /** Same as {@code setUpdateType(OnCreateAndWrite)}. */
        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        /** Same as {@code setUpdateType(OnReadAndWrite)}. */
        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        /** Sets whether expired values may be returned. */
        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        /** Same as {@code setStateVisibility(ReturnExpiredIfNotCleanedUp)}. */
        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        /** Same as {@code setStateVisibility(NeverReturnExpired)}. */
        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        /**
         * Checks {@code cleanupSize} entries (at least 1) of the state for expiry on each access to it
         * and, if {@code runCleanupForEveryRecord}, also for every record of the operator.
         */
        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            if (cleanupSize < 1) {
                throw new IllegalArgumentException("cleanupSize must be at least 1, was " + cleanupSize
                        + "; use disableCleanupInBackground() to turn incremental cleanup off");
            }
            this.cleanupSize = cleanupSize;
            this.runCleanupForEveryRecord = runCleanupForEveryRecord;
            return this;
        }

        /** Leaves expired entries out of full snapshots. */
        public Builder cleanupFullSnapshot() {
            this.cleanupFullSnapshot = true;
            return this;
        }

        /** Turns incremental cleanup off: expired values are removed only when read. */
        public Builder disableCleanupInBackground() {
            this.cleanupSize = 0;
            this.runCleanupForEveryRecord = false;
            return this;
        }

        /** The configuration. */
        public StateTtlConfig build() {
            return new StateTtlConfig(ttl, updateType, stateVisibility, cleanupSize, runCleanupForEveryRecord,
                    cleanupFullSnapshot);
        }
    }
}
