package io.weir.runtime.element;

/**
 * Everything that travels in-band between operators, in order: a record or a control event.
 * On the hot path records are not materialised as objects: channels and chains pass
 * {@code (value, timestamp)} pairs; {@link StreamRecord} exists for tests and for paths where an
 * element must be held.
 */
public sealed interface StreamElement permits StreamRecord, ControlEvent {

    /** The timestamp of a record that has none (no event time assigned). */
    long NO_TIMESTAMP = Long.MIN_VALUE;
}
