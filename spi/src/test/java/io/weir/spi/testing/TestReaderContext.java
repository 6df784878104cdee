package io.weir.spi.testing;

import io.weir.api.config.Configuration;
import io.weir.spi.source.ReaderContext;

import java.util.Objects;

/**
 * A {@link ReaderContext} for a reader driven by hand: fixed subtask index, parallelism and configuration;
 * it counts {@link #sendSplitRequest() split requests} and, if given {@link #onSplitRequest an action}, runs
 * it on each (such as handing the request to an enumerator at once, or failing a test that expects none).
 *
 * <p>Not thread safe: one test thread calls it.
 */
public final class TestReaderContext implements ReaderContext {
    private final int subtaskIndex;
    private final int parallelism;
    private final Configuration configuration;
    private Runnable onSplitRequest = () -> {
    };
    private int splitRequests;

    /** Subtask {@code subtaskIndex} of {@code parallelism}, with an empty configuration. */
    public TestReaderContext(int subtaskIndex, int parallelism) {
        this(subtaskIndex, parallelism, new Configuration());
    }

    /**
     * Subtask {@code subtaskIndex} of {@code parallelism} with {@code configuration}.
     *
     * @throws IllegalArgumentException if the parallelism is below 1 or the index not in {@code [0, parallelism)}
     */
    public TestReaderContext(int subtaskIndex, int parallelism, Configuration configuration) {
        if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("reader context: subtask " + subtaskIndex + " of parallelism "
                    + parallelism + " is not a subtask (want 0 <= subtask < parallelism)");
        }
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** Runs {@code action} on every later split request, after counting it; returns this context. */
    public TestReaderContext onSplitRequest(Runnable action) {
        this.onSplitRequest = Objects.requireNonNull(action, "action");
        return this;
    }

    /** How many times the reader has called {@link #sendSplitRequest()}. */
    public int splitRequests() {
        return splitRequests;
    }

    @Override
    public int subtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public void sendSplitRequest() {
        splitRequests++;
        onSplitRequest.run();
    }
}
