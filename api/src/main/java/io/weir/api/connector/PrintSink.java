package io.weir.api.connector;

import io.weir.api.annotation.Internal;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints each record's {@code toString()} on its own line, prefixed like Flink's print sink: with
 * {@code "prefix:"} when a prefix is set and {@code "subtask> "} (1-based) when the sink runs with a
 * parallelism above one.
 *
 * @param prefix text before each line, or {@code ""}
 * @param target where to print; {@code null} means {@code System.out} at the time of printing
 * @param <T>    record type
 */
@Internal
public record PrintSink<T>(String prefix, PrintStream target) implements Sink<T> {
    public PrintSink {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The stream to print to. */
    public PrintStream out() {
        return target == null ? System.out : target;
    }
}
