/**
 * The Nexmark macro harness: the Nexmark queries on the datagen connector's generator, run as fast as possible
 * (throughput mode) or at a fixed rate with latency from each event's intended emission time (latency mode).
 */
package io.weir.perf.nexmark;
