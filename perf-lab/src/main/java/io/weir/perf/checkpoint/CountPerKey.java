package io.weir.perf.checkpoint;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;

import java.io.Serial;

/**
 * The keyed operator whose state is checkpointed: a {@code Long} count per key in a value state (about
 * 100 bytes of heap per key with the heap backend), incremented by every record, which is passed on.
 * Reports fill progress and, in a recovered job, when it was opened and its first record to the
 * {@link RunProbe}.
 */
final class CountPerKey extends KeyedProcessFunction<Long, Event, Event> {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Fill records counted locally before they are added to the probe. */
    private static final int FILL_REPORT = 4096;

    private final long probeId;
    private transient RunProbe probe;
    private transient ValueState<Long> count;
    private transient long unreportedFill;
    private transient boolean awaitingFirst;

    CountPerKey(long probeId) {
        this.probeId = probeId;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        super.open(context);
        probe = RunProbe.of(probeId);
        count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        awaitingFirst = probe.opened();
    }

    @Override
    public void processElement(Event value, Context<Long> context, Collector<Event> out) throws Exception {
        if (awaitingFirst) {
            awaitingFirst = false;
            probe.firstRecord();
        }
        Long c = count.value();
        count.update(c == null ? 1L : c + 1);
        if (value.paced() ? unreportedFill > 0 : ++unreportedFill == FILL_REPORT) {
            probe.addFilled(unreportedFill); // every FILL_REPORT fill records, and the rest at the first paced one
            unreportedFill = 0;
        }
        out.collect(value);
    }

    @Override
    public void close() {
        if (probe != null && unreportedFill > 0) {
            probe.addFilled(unreportedFill);
            unreportedFill = 0;
        }
    }
}
