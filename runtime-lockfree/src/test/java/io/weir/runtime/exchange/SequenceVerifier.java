package io.weir.runtime.exchange;

import io.weir.runtime.element.ControlEvent;
import io.weir.runtime.element.EndOfInput;
import io.weir.runtime.element.StreamElement;
import io.weir.runtime.element.StreamRecord;

/**
 * A consumer-side handler that checks every delivered element against an {@link ElementSequence}
 * with the same seed, and stops at {@link EndOfInput}. Remembers the first mismatch.
 */
final class SequenceVerifier implements ElementHandler {

    private final ElementSequence expected;
    private long received;
    private boolean ended;
    private String mismatch;

    SequenceVerifier(ElementSequence expected) {
        this.expected = expected;
    }

    @Override
    public void onRecord(Object value, long timestamp) {
        StreamElement want = expected.next();
        if (mismatch == null && !(want instanceof StreamRecord r && r.value().equals(value) && r.timestamp() == timestamp)) {
            mismatch = "element " + received + ": expected " + want + " but got record " + value + "@" + timestamp;
        }
        received++;
    }

    @Override
    public boolean onControl(ControlEvent event) {
        if (event == EndOfInput.INSTANCE) {
            ended = true;
            return false;
        }
        StreamElement want = expected.next();
        if (mismatch == null && !want.equals(event)) {
            mismatch = "element " + received + ": expected " + want + " but got " + event;
        }
        received++;
        return true;
    }

    long received() {
        return received;
    }

    boolean ended() {
        return ended;
    }

    String mismatch() {
        return mismatch;
    }
}
