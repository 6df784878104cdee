/**
 * The machinery of the connector test kit: an instrumenting, gating wrapper of sources, tracking wrappers of
 * sinks, an in-memory transactional collecting sink, a list source, the job runner with its fault injector,
 * and the thread-leak check. Not for connector authors: extend {@link io.weir.testkit.SourceTestSuite} or
 * {@link io.weir.testkit.SinkTestSuite} instead.
 */
package io.weir.testkit.internal;
