/**
 * Recording stand-ins for the SPI's context interfaces, for tests that drive a connector's readers,
 * enumerators and writers by hand, without a runtime: {@link io.weir.spi.testing.TestReaderContext},
 * {@link io.weir.spi.testing.TestEnumeratorContext}, {@link io.weir.spi.testing.TestWriterContext} and
 * {@link io.weir.spi.testing.TestSourceOutput}.
 *
 * <p>They ship in the spi module's test-jar. A module's tests use them through a test-scoped dependency
 * ({@code <artifactId>weir-spi</artifactId><type>test-jar</type><scope>test</scope>}); main code must not
 * depend on them. None of them is thread safe: a test calls them from one thread, as the runtime calls the
 * real contexts from one task thread.
 */
package io.weir.spi.testing;
