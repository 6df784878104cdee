package io.weir.proptest.job;

import io.weir.api.config.ExchangeMode;

/**
 * How a trial runs its job.
 *
 * @param parallelism          of the keyed stage, post-stages and sink (1-4)
 * @param maxParallelism       number of key groups
 * @param scheduler            {@code simulation}, {@code dedicated} or {@code cooperative}
 * @param exchange             exchange mode
 * @param backend              {@code heap} or {@code rocksdb}
 * @param checkpointIntervalMs periodic checkpoint interval on the job clock (simulated under {@code simulation})
 * @param restartAttempts      fixed-delay restart attempts
 * @param restartDelayMs       delay before each restart
 * @param seed                 the simulation's seed (ignored by the other schedulers)
 */
public record RunConfig(int parallelism, int maxParallelism, String scheduler, ExchangeMode exchange, String backend,
                        long checkpointIntervalMs, int restartAttempts, long restartDelayMs, long seed)
        implements java.io.Serializable {
    public RunConfig {
        if (parallelism < 1 || maxParallelism < parallelism) {
            throw new IllegalArgumentException("need 1 <= parallelism <= max parallelism: " + parallelism + ", " + maxParallelism);
        }
        if (checkpointIntervalMs < 1 || restartAttempts < 0 || restartDelayMs < 0) {
            throw new IllegalArgumentException("bad checkpoint interval or restart settings: " + this);
        }
    }

    /** {@code true} for the deterministic simulation. */
    public boolean simulated() {
        return scheduler.equals("simulation");
    }

    /** This configuration with another parallelism (a rescaled restore). */
    public RunConfig withParallelism(int p) {
        return new RunConfig(p, maxParallelism, scheduler, exchange, backend, checkpointIntervalMs, restartAttempts,
                restartDelayMs, seed);
    }

    /** This configuration with another simulation seed. */
    public RunConfig withSeed(long s) {
        return new RunConfig(parallelism, maxParallelism, scheduler, exchange, backend, checkpointIntervalMs, restartAttempts,
                restartDelayMs, s);
    }
}
