package io.weir.api.connector;

import io.weir.api.annotation.Stable;

/**
 * A destination for records of type {@code T}. The built-in sinks come from {@link Sinks}; connector
 * plugins implement the SPI's {@code io.weir.spi.sink.WriterSink}, which extends this interface. The
 * runtime refuses, when the job is built, any other implementation.
 *
 * @param <T> record type
 */
@Stable
public interface Sink<T> {
}
