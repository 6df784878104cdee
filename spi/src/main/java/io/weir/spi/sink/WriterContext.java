package io.weir.spi.sink;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.Configuration;

/** What a {@link SinkWriter} learns about where it runs. */
@Evolving
public interface WriterContext {

    int subtaskIndex();

    int parallelism();

    Configuration configuration();
}
