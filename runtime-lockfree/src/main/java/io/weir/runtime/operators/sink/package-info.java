/** Sink operators with checkpoint hooks: the two-phase-commit operator that drives a {@code TwoPhaseCommitSink}. */
package io.weir.runtime.operators.sink;
