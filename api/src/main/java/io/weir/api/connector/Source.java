package io.weir.api.connector;

import io.weir.api.annotation.Stable;

/**
 * A source of records of type {@code T}, as the job author sees it. The built-in sources come from
 * {@code StreamEnvironment.fromElements/fromCollection/fromSequence}; connector plugins implement the
 * SPI's {@code io.weir.spi.source.SplitSource}, which extends this interface. The runtime refuses, when
 * the job is built, any other implementation.
 *
 * @param <T> record type
 */
@Stable
public interface Source<T> {
}
