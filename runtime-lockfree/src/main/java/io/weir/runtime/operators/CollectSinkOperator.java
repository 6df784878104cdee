package io.weir.runtime.operators;

import io.weir.api.connector.CollectSink;

/** Adds every record to a {@link CollectSink}. */
public final class CollectSinkOperator extends StreamOperator {
    private final CollectSink<Object> sink;

    @SuppressWarnings("unchecked")
    public CollectSinkOperator(CollectSink<?> sink) {
        this.sink = (CollectSink<Object>) sink;
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        sink.add(value);
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
    }
}
