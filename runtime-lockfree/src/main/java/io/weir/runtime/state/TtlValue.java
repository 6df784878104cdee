package io.weir.runtime.state;

/**
 * A value stored with TTL: the user's value and when it was last written (or read, per the TTL
 * update type), in processing-time milliseconds.
 *
 * @param value      the user's value (null only for map values)
 * @param lastAccess the processing time of the last access that refreshed it
 * @param <T>        the value type
 */
record TtlValue<T>(T value, long lastAccess) {
}
