/** The entry point of {@code benchmarks.jar}: JMH with Weir's JVM flags for the forked benchmark VMs. */
package io.weir.perf.runner;
