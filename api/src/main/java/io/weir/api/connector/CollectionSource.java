package io.weir.api.connector;

import io.weir.api.annotation.Internal;

import java.util.List;
import java.util.Objects;

/**
 * The source behind {@code fromElements} and {@code fromCollection}: a fixed list of elements, read by
 * a single subtask in order (as Flink's non-parallel collection source). Replayable from any position.
 *
 * @param elements the elements, none {@code null}
 * @param <T>      record type
 */
@Internal
public record CollectionSource<T>(List<T> elements) implements Source<T> {
    public CollectionSource {
        elements = List.copyOf(Objects.requireNonNull(elements, "elements"));
    }
}
