/** Window operators with Apache Flink's semantics: per-window buffers and triggers, merging sessions, and window slicing. */
package io.weir.runtime.operators.window;
