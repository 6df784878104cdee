/** Checkpoint harness: checkpoint duration and size, the data-path pause it causes, and recovery time, on large heap state. */
package io.weir.perf.checkpoint;
