package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Keeps the records for which {@link #filter} returns {@code true}.
 *
 * @param <T> record type
 */
@Stable
@FunctionalInterface
public interface FilterFunction<T> extends java.io.Serializable {
    boolean filter(T value) throws Exception;
}
