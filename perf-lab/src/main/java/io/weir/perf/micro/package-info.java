/**
 * Focused JMH micro-benchmarks of single runtime parts (codecs, window aggregation, the timer service), each
 * beside a plain-JDK baseline that does the same work, so that the figures can be read as a ratio.
 */
package io.weir.perf.micro;
