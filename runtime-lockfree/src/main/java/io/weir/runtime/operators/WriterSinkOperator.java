package io.weir.runtime.operators;

import io.weir.api.config.Configuration;
import io.weir.spi.sink.SinkWriter;
import io.weir.spi.sink.WriterContext;
import io.weir.spi.sink.WriterSink;

/** Drives a plugin's {@link SinkWriter}: write per record, flush at end of input, close on every path. */
public final class WriterSinkOperator extends StreamOperator {
    private final WriterSink<Object> sink;
    private final Configuration configuration;
    private SinkWriter<Object> writer;

    @SuppressWarnings("unchecked")
    public WriterSinkOperator(WriterSink<?> sink, Configuration configuration) {
        this.sink = (WriterSink<Object>) sink;
        this.configuration = configuration;
    }

    @Override
    protected void doOpen() throws Exception {
        writer = sink.createWriter(new WriterContext() {
            @Override
            public int subtaskIndex() {
                return context.subtaskIndex();
            }

            @Override
            public int parallelism() {
                return context.parallelism();
            }

            @Override
            public Configuration configuration() {
                return configuration;
            }
        });
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        try {
            writer.write(value, timestamp);
        } catch (Exception e) {
            throw fail("sink writer failed", e);
        }
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
    }

    @Override
    public void endInput() {
        try {
            writer.flush(true);
        } catch (Exception e) {
            throw fail("sink writer flush failed", e);
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }
}
