package io.weir.runtime.task;

import io.weir.runtime.operators.Output;

import java.util.List;

/**
 * Sends every record and watermark to several outputs, in order. Records are not copied: in object
 * exchange mode records must be treated as immutable once emitted.
 */
final class FanOutOutput implements Output {
    private final Output[] outputs;

    private FanOutOutput(Output[] outputs) {
        this.outputs = outputs;
    }

    /** {@link Output#NONE} for none, the output itself for one, a fan-out for more. */
    static Output of(List<Output> outputs) {
        return switch (outputs.size()) {
            case 0 -> Output.NONE;
            case 1 -> outputs.getFirst();
            default -> new FanOutOutput(outputs.toArray(Output[]::new));
        };
    }

    @Override
    public void emit(Object value, long timestamp) {
        for (Output o : outputs) {
            o.emit(value, timestamp);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (Output o : outputs) {
            o.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        for (Output o : outputs) {
            o.emitWatermarkStatus(idle);
        }
    }
}
