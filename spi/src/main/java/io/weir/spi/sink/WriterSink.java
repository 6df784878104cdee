package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;
import io.weir.api.connector.Sink;

/**
 * A sink implemented through the SPI. Pass an instance to {@code DataStream.sinkTo}.
 *
 * @param <T> record type
 */
@Evolving
public interface WriterSink<T> extends Sink<T> {

    /** A writer for one parallel subtask. */
    SinkWriter<T> createWriter(WriterContext context) throws Exception;
}
