package io.weir.connectors.files;

import io.weir.api.config.Configuration;
import io.weir.spi.sink.WriterContext;

import java.util.OptionalLong;

/** A {@link WriterContext} for driving writers by hand. */
record TestWriterContext(int subtaskIndex, int parallelism, OptionalLong restoredCheckpointId)
        implements WriterContext {

    static TestWriterContext fresh(int subtask, int parallelism) {
        return new TestWriterContext(subtask, parallelism, OptionalLong.empty());
    }

    static TestWriterContext restored(int subtask, int parallelism, long checkpointId) {
        return new TestWriterContext(subtask, parallelism, OptionalLong.of(checkpointId));
    }

    @Override
    public Configuration configuration() {
        return new Configuration();
    }
}
