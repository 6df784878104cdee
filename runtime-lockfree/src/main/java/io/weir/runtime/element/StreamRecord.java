package io.weir.runtime.element;

/** A user record with its event timestamp ({@link StreamElement#NO_TIMESTAMP} when it has none). */
public record StreamRecord(Object value, long timestamp) implements StreamElement {
}
