/** Benchmark run folders (summary.json, latency.hgrm, latency.hlog, throughput.csv) and their HTML reports. */
package io.weir.perf.report;
