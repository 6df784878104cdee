/**
 * Sources in the runtime: the built-in collection and sequence sources (implemented through the source
 * SPI, so they replay from a position like any plugin), and the coordinator that runs a source's split
 * enumerator and talks to its readers through lock-free queues.
 */
package io.weir.runtime.source;
