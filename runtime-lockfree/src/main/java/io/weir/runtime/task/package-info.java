/**
 * Tasks: the tasklets that run one subtask of a chain (a source task or a task fed by channels), the
 * network writers that partition records over channels, and the assembly of operator chains.
 */
package io.weir.runtime.task;
