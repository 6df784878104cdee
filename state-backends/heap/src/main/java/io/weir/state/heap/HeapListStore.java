package io.weir.state.heap;

import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.ListStoreSpec;

import java.util.ArrayList;
import java.util.List;

/** A {@link ListStore} keeping one {@code ArrayList} per (key, namespace). */
final class HeapListStore<N, E> implements ListStore<N, E> {
    private final ListStoreSpec<N, E> spec;
    private final StateTable table;

    HeapListStore(HeapKeyedStateBackend backend, ListStoreSpec<N, E> spec) {
        this.spec = spec;
        this.table = new StateTable(backend, spec.name());
    }

    @Override
    public ListStoreSpec<N, E> spec() {
        return spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> get(N namespace) {
        StateEntry e = table.find(namespace);
        return e == null ? null : (List<E>) e.value;
    }

    @Override
    public void add(N namespace, E element) {
        requireElement(element);
        list(table.findOrCreate(namespace), 1).add(element);
    }

    @Override
    public void addAll(N namespace, List<E> elements) {
        if (elements.isEmpty()) {
            return;
        }
        requireElements(elements);
        list(table.findOrCreate(namespace), elements.size()).addAll(elements);
    }

    @Override
    public void update(N namespace, List<E> elements) {
        if (elements.isEmpty()) {
            table.remove(namespace);
            return;
        }
        requireElements(elements);
        table.findOrCreate(namespace).value = new ArrayList<>(elements);
    }

    @Override
    public void clear(N namespace) {
        table.remove(namespace);
    }

    @Override
    public EntryCursor<N, List<E>> cursor(int keyGroup) {
        return TableCursor.<N, List<E>>of(table, keyGroup, list -> {
            requireElements(list);
            return list.isEmpty() ? null : new ArrayList<>(list);
        });
    }

    @SuppressWarnings("unchecked")
    private static <E> ArrayList<E> list(StateEntry entry, int expected) {
        ArrayList<E> list = (ArrayList<E>) entry.value;
        if (list == null) {
            list = new ArrayList<>(Math.max(4, expected));
            entry.value = list;
        }
        return list;
    }

    private void requireElement(E element) {
        if (element == null) {
            throw new NullPointerException("store '" + spec.name() + "': list elements must not be null");
        }
    }

    private void requireElements(List<E> elements) {
        for (int i = 0, n = elements.size(); i < n; i++) {
            requireElement(elements.get(i));
        }
    }

    StateTable table() {
        return table;
    }
}
