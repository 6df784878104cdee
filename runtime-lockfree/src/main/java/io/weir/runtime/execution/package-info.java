/**
 * Running a job on this machine: the executor found by {@code StreamEnvironment}, the job run with its
 * supervisor thread and watchdog, the scheduler context and the metrics.
 */
package io.weir.runtime.execution;
