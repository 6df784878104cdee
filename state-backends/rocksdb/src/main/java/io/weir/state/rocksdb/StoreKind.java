package io.weir.state.rocksdb;

import io.weir.spi.state.ListStoreSpec;
import io.weir.spi.state.MapStoreSpec;
import io.weir.spi.state.StoreSpec;
import io.weir.spi.state.TimerStoreSpec;
import io.weir.spi.state.ValueStoreSpec;

/**
 * The kinds of store, with the code that stands for each in the catalog and in snapshot files (part of
 * the format), and the prefix of their column family names (state and timer stores have names of their own).
 */
enum StoreKind {
    VALUE(1, "value"),
    LIST(2, "list"),
    MAP(3, "map"),
    TIMER(4, "timer");

    final byte code;
    final String label;

    StoreKind(int code, String label) {
        this.code = (byte) code;
        this.label = label;
    }

    static StoreKind of(StoreSpec spec) {
        return switch (spec) {
            case ValueStoreSpec<?, ?> v -> VALUE;
            case ListStoreSpec<?, ?> l -> LIST;
            case MapStoreSpec<?, ?, ?> m -> MAP;
            case TimerStoreSpec<?> t -> TIMER;
        };
    }

    /** The kind written as {@code code}, or null. */
    static StoreKind ofCode(int code) {
        for (StoreKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }

    /** The column family of the store {@code name} of this kind. */
    String columnFamily(String name) {
        return (this == TIMER ? "t/" : "s/") + name;
    }
}
