package io.weir.api.connector;

import io.weir.api.annotation.Stable;

import java.io.PrintStream;

/** The built-in sinks. */
@Stable
public final class Sinks {
    private Sinks() {
    }

    /** Prints records to standard output. */
    public static <T> Sink<T> print() {
        return new PrintSink<>("", null);
    }

    /** Prints records to standard output, each line starting with {@code prefix + ":"}. */
    public static <T> Sink<T> print(String prefix) {
        return new PrintSink<>(prefix, null);
    }

    /** Prints records to {@code target}. */
    public static <T> Sink<T> print(PrintStream target) {
        return new PrintSink<>("", target);
    }

    /** Collects records in memory; read them with {@link CollectSink#results()}. */
    public static <T> CollectSink<T> collect() {
        return new CollectSink<>();
    }

    /** Drops records (they are still counted). */
    public static <T> Sink<T> discard() {
        return new DiscardSink<>();
    }
}
