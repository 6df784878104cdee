package io.weir.runtime.operators;

/**
 * Where an operator sends what it produces: the next operator of its chain, a network writer, or a
 * fan-out of several. A chained call is a plain method call: no queue, no copy.
 *
 * <h2>Thread safety</h2>
 * Called only from the task's thread.
 */
public interface Output {

    /** Emits a record with its timestamp ({@code StreamElement.NO_TIMESTAMP} when it has none). */
    void emit(Object value, long timestamp);

    /** Forwards an event-time watermark. */
    void emitWatermark(long watermark);

    /** Forwards a change of watermark status: {@code idle} inputs stop holding back the watermark. */
    void emitWatermarkStatus(boolean idle);

    /** An output that drops everything (an operator whose result nobody consumes). */
    Output NONE = new Output() {
        @Override
        public void emit(Object value, long timestamp) {
        }

        @Override
        public void emitWatermark(long watermark) {
        }

        @Override
        public void emitWatermarkStatus(boolean idle) {
        }
    };
}
