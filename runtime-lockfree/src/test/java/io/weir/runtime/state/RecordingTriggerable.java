package io.weir.runtime.state;

import io.weir.runtime.timers.InternalTimer;
import io.weir.runtime.timers.Triggerable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records fired timers as {@code "E|P:timestamp:key:namespace"} and checks that each timer's key is
 * current when it fires; runs an optional action inside the callback.
 */
public final class RecordingTriggerable<N> implements Triggerable<N> {
    private final KeyedStateManager manager;
    public final List<String> fired = new ArrayList<>();
    private Consumer<InternalTimer<N>> action = t -> { };

    public RecordingTriggerable(KeyedStateManager manager) {
        this.manager = manager;
    }

    /** Runs {@code action} in every callback, after recording. */
    public RecordingTriggerable<N> onFire(Consumer<InternalTimer<N>> action) {
        this.action = action;
        return this;
    }

    @Override
    public void onEventTime(InternalTimer<N> timer) {
        record("E", timer);
    }

    @Override
    public void onProcessingTime(InternalTimer<N> timer) {
        record("P", timer);
    }

    private void record(String kind, InternalTimer<N> timer) {
        if (!timer.key().equals(manager.currentKey())) {
            throw new AssertionError("timer " + timer + " fired with current key " + manager.currentKey());
        }
        fired.add(kind + ":" + timer.timestamp() + ":" + timer.key() + ":" + timer.namespace());
        action.accept(timer);
    }
}
