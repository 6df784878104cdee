package io.weir.perf.nexmark;

/**
 * What a run has done so far, reported once per second while it goes on.
 *
 * @param elapsedNanos time since the run started
 * @param emitted      events generated so far
 * @param events       events the run generates in all
 * @param sunk         results the sink has seen so far
 * @param lastSecond   events generated in the last second
 * @param warmup       {@code true} during a throughput run's warm-up run
 */
public record Tick(long elapsedNanos, long emitted, long events, long sunk, long lastSecond, boolean warmup) {
}
