/**
 * The performance lab's Nexmark workloads on Apache Flink 2.x in a local MiniCluster, with Weir's own Nexmark
 * generator and Weir's latency measurement, for side-by-side runs: {@link io.weir.perf.flink.FlinkBenchMain} writes
 * the same run folder as {@code weir bench}. Runs on JDK 17 (Flink does not support 25).
 */
package io.weir.perf.flink;
