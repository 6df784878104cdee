/** JMH benchmarks of the channels between tasks (io.weir.runtime.exchange) against a JDK queue baseline. */
package io.weir.perf.exchange;
