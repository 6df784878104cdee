package io.weir.spi.state;

import io.weir.api.annotation.Evolving;

/**
 * The kinds of keyed store ({@link StoreSpec}'s four cases), each with the one-byte code that stands for it
 * in a state backend's snapshot files and catalogs, and the word that names it in error messages. The codes
 * are part of those file formats: they never change, and a new kind takes a new code (every state backend
 * describes its stores with this type, so that all write a kind alike).
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
@Evolving
public enum StoreKind {
    /** A {@link ValueStoreSpec}'s store. */
    VALUE(1, "value"),
    /** A {@link ListStoreSpec}'s store. */
    LIST(2, "list"),
    /** A {@link MapStoreSpec}'s store. */
    MAP(3, "map"),
    /** A {@link TimerStoreSpec}'s store. */
    TIMER(4, "timer");

    private final byte code;
    private final String label;

    StoreKind(int code, String label) {
        this.code = (byte) code;
        this.label = label;
    }

    /** The code written for this kind in files. */
    public byte code() {
        return code;
    }

    /** The lower-case word for this kind, as error messages say it ({@code "value"}, ...). */
    public String label() {
        return label;
    }

    /** The kind of the store {@code spec} declares. */
    public static StoreKind of(StoreSpec spec) {
        return switch (spec) {
            case ValueStoreSpec<?, ?> v -> VALUE;
            case ListStoreSpec<?, ?> l -> LIST;
            case MapStoreSpec<?, ?, ?> m -> MAP;
            case TimerStoreSpec<?> t -> TIMER;
        };
    }

    /** The kind written as {@code code}, or {@code null} when no kind has that code (the caller names the file). */
    public static StoreKind ofCode(int code) {
        for (StoreKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
