/**
 * Operators: the runtime side of each plan node (map, flatMap, filter, process, keyed reduce, sinks),
 * connected inside a task by {@link io.weir.runtime.operators.Output}s that are plain method calls.
 */
package io.weir.runtime.operators;
