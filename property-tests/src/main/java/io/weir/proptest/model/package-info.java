/**
 * The reference model: a plain sequential interpreter of the pipeline language that shares no code with
 * the runtime, following Apache Flink's documented event-time rules.
 */
package io.weir.proptest.model;
