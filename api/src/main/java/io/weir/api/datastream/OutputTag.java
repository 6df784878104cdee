package io.weir.api.datastream;

import io.weir.api.annotation.Stable;

import java.util.Objects;

/**
 * Names a side output of a process function (or, later, of a window's late data). Two tags are the
 * same side output when their ids are equal.
 *
 * @param id   a unique, non-blank name
 * @param type the class of the side output's records (used to choose a codec)
 * @param <T>  side output record type
 */
@Stable
public record OutputTag<T>(String id, Class<T> type) implements java.io.Serializable {
    public OutputTag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an OutputTag id must not be blank");
        }
    }
}
