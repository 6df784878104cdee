package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/**
 * Turns each input into exactly one output. Called on the subtask's thread, once per record; an
 * exception fails the job (naming the operator and subtask). Implement {@link RichFunction} as well
 * to get {@code open}/{@code close} calls.
 *
 * @param <T> input type
 * @param <R> output type; must not be {@code null}
 */
@Stable
@FunctionalInterface
public interface MapFunction<T, R> extends java.io.Serializable {
    R map(T value) throws Exception;
}
