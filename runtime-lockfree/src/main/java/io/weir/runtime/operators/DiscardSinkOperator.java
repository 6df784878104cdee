package io.weir.runtime.operators;

/** Counts and drops records. */
public final class DiscardSinkOperator extends StreamOperator {

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
    }

    @Override
    public void processWatermark(long watermark) {
        currentWatermark = watermark;
    }
}
