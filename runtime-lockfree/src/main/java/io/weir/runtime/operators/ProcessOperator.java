package io.weir.runtime.operators;

import io.weir.api.datastream.OutputTag;
import io.weir.api.functions.Collector;
import io.weir.api.functions.ProcessFunction;

/** Runs a {@link ProcessFunction}: timestamps, the watermark, side outputs. */
public final class ProcessOperator extends UdfOperator<ProcessFunction<Object, Object>> implements Collector<Object> {
    private final Ctx ctx = new Ctx();
    private long timestamp;

    @SuppressWarnings("unchecked")
    public ProcessOperator(ProcessFunction<?, ?> function) {
        super((ProcessFunction<Object, Object>) function);
    }

    @Override
    public void processRecord(Object value, long timestamp) {
        recordsIn++;
        this.timestamp = timestamp;
        try {
            function.processElement(value, ctx, this);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("process function failed", e);
        }
    }

    @Override
    public void collect(Object record) {
        emitRecord(record, timestamp);
    }

    private final class Ctx implements ProcessFunction.Context {
        @Override
        public Long timestamp() {
            return userTimestamp(timestamp);
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().getAsLong();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            if (value == null) {
                throw new NullPointerException("side output '" + tag.id() + "' got null");
            }
            recordsOut++;
            context.sideOutput(tag).emit(value, timestamp);
        }
    }
}
