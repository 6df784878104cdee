/** Keyed-state benchmarks: state access per backend (JMH), larger-than-memory state, incremental checkpoints. */
package io.weir.perf.state;
