package io.weir.runtime.pipelines;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.config.IdleStrategyKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the test matrix: scheduler x exchange mode x parallelism. Every pipeline shape runs on
 * all twelve and must give the same result.
 */
record RunConfig(String scheduler, ExchangeMode mode, int parallelism) {

    static List<RunConfig> all() {
        List<RunConfig> all = new ArrayList<>();
        for (String s : List.of("dedicated", "cooperative")) {
            for (ExchangeMode m : ExchangeMode.values()) {
                for (int p : new int[]{1, 2, 4}) {
                    all.add(new RunConfig(s, m, p));
                }
            }
        }
        return all;
    }

    /** A fresh environment for this cell, with small channels so that back-pressure is exercised. */
    StreamEnvironment environment() {
        return StreamEnvironment.create()
                .setParallelism(parallelism)
                .configure(ExecutionOptions.SCHEDULER, scheduler)
                .configure(ExecutionOptions.EXCHANGE_MODE, mode)
                .configure(ExecutionOptions.IDLE_STRATEGY, IdleStrategyKind.BACKOFF)
                .configure(ExecutionOptions.CHANNEL_CAPACITY, 4)
                .configure(ExecutionOptions.BATCH_SIZE, 16)
                .configure(ExecutionOptions.BUFFER_SIZE, 1024)
                .configure(ExecutionOptions.WORKERS, 2)
                .configure(ExecutionOptions.WATCHDOG_TIMEOUT, Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return scheduler + "/" + mode.name().toLowerCase() + "/p" + parallelism;
    }
}
