/** The sink SPI: a {@link io.weir.spi.sink.WriterSink} creates one {@link io.weir.spi.sink.SinkWriter} per parallel subtask. */
@Evolving
package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;
