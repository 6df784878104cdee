/** Throughput harness: whole pipelines run as fast as possible, reporting records per second. */
package io.weir.perf.throughput;
