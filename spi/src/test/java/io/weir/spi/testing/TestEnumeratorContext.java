package io.weir.spi.testing;

import io.weir.api.config.Configuration;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SourceSplit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

/**
 * An {@link EnumeratorContext} for an enumerator driven by hand. It records what the enumerator told the
 * readers, in order, both as {@link #events() text} ({@code "assign s1 to 0"}, {@code "no more to 0"}) and
 * per kind ({@link #assigned(int)}, {@link #noMoreSplits()}); if given {@link #forwardTo forwarding
 * actions}, it also passes each assignment and signal on (to the readers of a hand-run source, say).
 *
 * <p>A split assigned to, or a signal sent to, a subtask outside {@code [0, parallelism)} is an enumerator
 * bug: it throws {@link IllegalArgumentException} naming the subtask and the split. Not thread safe: one test
 * thread calls it.
 *
 * @param <S> the split type
 */
public final class TestEnumeratorContext<S extends SourceSplit> implements EnumeratorContext<S> {
    private final int parallelism;
    private final Configuration configuration;
    private final List<String> events = new ArrayList<>();
    private final List<List<S>> assigned = new ArrayList<>();
    private final List<Integer> noMoreSplits = new ArrayList<>();
    private ObjIntConsumer<S> onAssign = (split, subtask) -> {
    };
    private IntConsumer onNoMoreSplits = subtask -> {
    };

    /** For {@code parallelism} readers, with an empty configuration. */
    public TestEnumeratorContext(int parallelism) {
        this(parallelism, new Configuration());
    }

    /**
     * For {@code parallelism} readers, with {@code configuration}.
     *
     * @throws IllegalArgumentException if the parallelism is below 1
     */
    public TestEnumeratorContext(int parallelism, Configuration configuration) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("enumerator context: parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        for (int i = 0; i < parallelism; i++) {
            assigned.add(new ArrayList<>());
        }
    }

    /**
     * Passes every later assignment to {@code onAssign} and every later no-more-splits signal to
     * {@code onNoMoreSplits}, after recording it; returns this context.
     */
    public TestEnumeratorContext<S> forwardTo(ObjIntConsumer<S> onAssign, IntConsumer onNoMoreSplits) {
        this.onAssign = Objects.requireNonNull(onAssign, "onAssign");
        this.onNoMoreSplits = Objects.requireNonNull(onNoMoreSplits, "onNoMoreSplits");
        return this;
    }

    /** Everything told to the readers so far, in order: {@code "assign <splitId> to <subtask>"} or {@code "no more to <subtask>"}. */
    public List<String> events() {
        return Collections.unmodifiableList(events);
    }

    /** The splits assigned to {@code subtask} so far, in order. */
    public List<S> assigned(int subtask) {
        return Collections.unmodifiableList(assigned.get(Objects.checkIndex(subtask, parallelism)));
    }

    /** Every split assigned so far, subtask by subtask, each subtask's in order. */
    public List<S> allAssigned() {
        return assigned.stream().flatMap(List::stream).toList();
    }

    /** The subtasks signalled that no more splits come, in the order of the signals. */
    public List<Integer> noMoreSplits() {
        return Collections.unmodifiableList(noMoreSplits);
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
    public void assignSplit(S split, int subtask) {
        Objects.requireNonNull(split, "split");
        check(subtask, "split " + split.splitId());
        events.add("assign " + split.splitId() + " to " + subtask);
        assigned.get(subtask).add(split);
        onAssign.accept(split, subtask);
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        check(subtask, "the no-more-splits signal");
        events.add("no more to " + subtask);
        noMoreSplits.add(subtask);
        onNoMoreSplits.accept(subtask);
    }

    private void check(int subtask, String what) {
        if (subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("enumerator context: " + what + " sent to subtask " + subtask
                    + ", but the parallelism is " + parallelism);
        }
    }
}
