package io.weir.proptest.pipeline;

import java.io.Serializable;

/**
 * One record of a source, in emission order: its key, value and event timestamp.
 *
 * @param key   the key
 * @param value the value
 * @param ts    the event timestamp, never negative
 */
public record Input(int key, long value, long ts) implements Serializable {

    /** Inputs from (key, value, ts) triples: {@code Input.list(1, 10, 0, 2, 20, 5)}. */
    public static java.util.List<Input> list(long... keyValueTs) {
        if (keyValueTs.length % 3 != 0) {
            throw new IllegalArgumentException("expected (key, value, ts) triples, got " + keyValueTs.length + " numbers");
        }
        java.util.List<Input> inputs = new java.util.ArrayList<>(keyValueTs.length / 3);
        for (int i = 0; i < keyValueTs.length; i += 3) {
            inputs.add(new Input(Math.toIntExact(keyValueTs[i]), keyValueTs[i + 1], keyValueTs[i + 2]));
        }
        return inputs;
    }

    /** This input as the record that enters the pipeline. */
    public Ev toEv() {
        return Ev.of(key, value, ts);
    }
}
