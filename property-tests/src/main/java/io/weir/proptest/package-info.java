/**
 * Property-based tests of Weir's exactly-once claim: a small pipeline language ({@code pipeline}), a
 * sequential reference model of it ({@code model}), its translation into a Weir job ({@code job}), failure
 * schedules ({@code faults}) and the deterministic {@code simulation} scheduler.
 */
package io.weir.proptest;
