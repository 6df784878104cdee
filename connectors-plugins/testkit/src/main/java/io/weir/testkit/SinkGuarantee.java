package io.weir.testkit;

/** What a sink under test claims about its output across failures; the kit checks the claim. */
public enum SinkGuarantee {
    /** Every record is visible exactly once after any failure and restore (no loss, no duplicate). */
    EXACTLY_ONCE,
    /** Every record is visible at least once after any failure and restore (duplicates allowed). */
    AT_LEAST_ONCE
}
