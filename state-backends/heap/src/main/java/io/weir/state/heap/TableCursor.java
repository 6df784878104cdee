package io.weir.state.heap;

import io.weir.spi.state.EntryCursor;

import java.util.Objects;
import java.util.function.Function;

/**
 * A cursor over the entries one key group of a {@link StateTable} had when the cursor was created:
 * entries removed since (their value is null) are skipped, entries added since are not visited.
 *
 * @param <N> the namespace type
 * @param <V> the whole-value type
 */
final class TableCursor<N, V> implements EntryCursor<N, V> {
    private static final EntryCursor<?, ?> EMPTY = new Empty();

    private final StateTable table;
    private final int keyGroup;
    private final StateEntry[] entries;
    /** Turns a value given to {@link #update} into what the table stores, or null when it is empty. */
    private final Function<V, Object> adopt;
    private int index = -1;
    private StateEntry current;
    private Object currentValue;

    private TableCursor(StateTable table, int keyGroup, StateEntry[] entries, Function<V, Object> adopt) {
        this.table = table;
        this.keyGroup = keyGroup;
        this.entries = entries;
        this.adopt = adopt;
    }

    /**
     * A cursor over {@code keyGroup} of {@code table}; a shared empty one (no allocation) when the key
     * group has no entries, because incremental TTL cleanup asks for many cursors of sparse stores.
     */
    @SuppressWarnings("unchecked")
    static <N, V> EntryCursor<N, V> of(StateTable table, int keyGroup, Function<V, Object> adopt) {
        StateEntry[] entries = table.entries(keyGroup);
        return entries.length == 0 ? (EntryCursor<N, V>) EMPTY : new TableCursor<>(table, keyGroup, entries, adopt);
    }

    @Override
    public boolean next() {
        while (++index < entries.length) {
            StateEntry e = entries[index];
            if (e.value != null) {
                current = e;
                currentValue = e.value;
                return true;
            }
        }
        index = entries.length;
        current = null;
        currentValue = null;
        return false;
    }

    private StateEntry current() {
        if (current == null) {
            throw new IllegalStateException("the cursor has no current entry: call next() first, and only while it returns true");
        }
        return current;
    }

    @Override
    public Object key() {
        return current().key;
    }

    @Override
    @SuppressWarnings("unchecked")
    public N namespace() {
        return (N) current().namespace;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V value() {
        current();
        return (V) currentValue;
    }

    @Override
    public void remove() {
        table.remove(current(), keyGroup);
    }

    @Override
    public void update(V value) {
        Objects.requireNonNull(value, "value (use remove() to delete the entry)");
        StateEntry e = current();
        if (e.value == null) {
            throw new IllegalStateException("the current entry " + e + " was removed; it cannot be updated");
        }
        Object stored = adopt.apply(value);
        if (stored == null) {
            table.remove(e, keyGroup);
        } else {
            e.value = stored;
            currentValue = stored;
        }
    }

    /** The cursor of an empty key group: stateless, so one instance serves every thread. */
    private static final class Empty implements EntryCursor<Object, Object> {
        @Override
        public boolean next() {
            return false;
        }

        private static IllegalStateException none() {
            return new IllegalStateException("the cursor has no current entry: its key group is empty");
        }

        @Override
        public Object key() {
            throw none();
        }

        @Override
        public Object namespace() {
            throw none();
        }

        @Override
        public Object value() {
            throw none();
        }

        @Override
        public void remove() {
            throw none();
        }

        @Override
        public void update(Object value) {
            throw none();
        }
    }
}
