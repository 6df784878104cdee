/**
 * The connector test kit: abstract JUnit Jupiter suites that a source or sink plugin extends with a tiny
 * subclass ({@link io.weir.testkit.SourceTestSuite}, {@link io.weir.testkit.SinkTestSuite}); every test is
 * inherited and runs the connector in real jobs on Weir's lock-free runtime.
 */
package io.weir.testkit;
