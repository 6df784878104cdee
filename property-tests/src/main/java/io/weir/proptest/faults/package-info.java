/** Failure schedules: when, at which runtime fault point, a run throws an injected failure. */
package io.weir.proptest.faults;
