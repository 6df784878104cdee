package io.weir.runtime.exchange;

import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.element.StreamRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects what a poll delivers; returns false from onControl for events matching {@code stopOn}. */
final class RecordingHandler implements ElementHandler {

    final List<StreamElement> elements = new ArrayList<>();
    private final Predicate<ControlEvent> stopOn;

    RecordingHandler() {
        this(event -> false);
    }

    RecordingHandler(Predicate<ControlEvent> stopOn) {
        this.stopOn = stopOn;
    }

    @Override
    public void onRecord(Object value, long timestamp) {
        elements.add(new StreamRecord(value, timestamp));
    }

    @Override
    public boolean onControl(ControlEvent event) {
        elements.add(event);
        return !stopOn.test(event);
    }

    /** Polls until nothing more is available; returns everything delivered by this handler so far. */
    List<StreamElement> drain(ChannelReader reader) {
        while (reader.poll(this, 1000) > 0) {
            // keep polling
        }
        return elements;
    }
}
