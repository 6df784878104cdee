package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Extracts the key of a record for {@code keyBy}. Must be deterministic: the same record always gives
 * an equal key with the same {@code hashCode()}, on every subtask and across restarts (so keys must not
 * use identity hash codes; {@code String}, boxed numbers, records and enums of such are fine).
 *
 * @param <T> record type
 * @param <K> key type; must not be {@code null}
 */
@Stable
@FunctionalInterface
public interface KeySelector<T, K> extends java.io.Serializable {
    K getKey(T value) throws Exception;
}
