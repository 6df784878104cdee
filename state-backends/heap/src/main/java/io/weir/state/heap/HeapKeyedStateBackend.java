package io.weir.state.heap;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.Codec;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.KeyedStore;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.ListStoreSpec;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.MapStoreSpec;
import io.weir.spi.state.StateFileReader;
import io.weir.spi.state.StoreKind;
import io.weir.spi.state.StoreSpec;
import io.weir.spi.state.TimerStore;
import io.weir.spi.state.TimerStoreSpec;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The heap {@link KeyedStateBackend}: holds the current key (with its hash, computed once per key)
 * for its stores, and the stores by name. Single-threaded, as the SPI says.
 *
 * <p>Snapshots ({@link HeapSnapshots}) capture every store at the barrier and are written later in the
 * {@link HeapSnapshotFormat}. A restore ({@link HeapRestore}) keeps the entries of each store encoded
 * until the store is declared again, then decodes them with the store's codecs; restored state whose
 * store is never declared again is carried over into later snapshots as it is.
 */
final class HeapKeyedStateBackend implements KeyedStateBackend {
    private final KeyedBackendParameters parameters;
    private final KeyGroupRange range;
    private final Map<String, KeyedStore<?, ?>> stores = new LinkedHashMap<>();
    private final Map<String, HeapTimerStore<?>> timerStores = new LinkedHashMap<>();
    /** Restored state and timer stores not declared again yet, by name. */
    private final Map<String, RestoredStore> restoredStates = new LinkedHashMap<>();
    private final Map<String, RestoredStore> restoredTimers = new LinkedHashMap<>();
    private boolean restored;
    private Object currentKey;
    private int currentKeyGroup = -1;
    private int currentKeyHash;
    private boolean closed;

    HeapKeyedStateBackend(KeyedBackendParameters parameters) {
        this.parameters = parameters;
        this.range = parameters.keyGroupRange();
    }

    @Override
    public KeyedBackendParameters parameters() {
        return parameters;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return range;
    }

    @Override
    public void setCurrentKey(Object key, int keyGroup) {
        Objects.requireNonNull(key, "key");
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("operator '" + parameters.operatorName() + "' subtask "
                    + parameters.subtaskIndex() + ": key " + key + " is in key group " + keyGroup
                    + ", which this subtask does not own (it owns " + range + ")");
        }
        if (key != currentKey) {
            currentKey = key;
            currentKeyHash = key.hashCode();
        }
        currentKeyGroup = keyGroup;
    }

    @Override
    public Object currentKey() {
        return currentKey;
    }

    @Override
    public int currentKeyGroup() {
        return currentKeyGroup;
    }

    int currentKeyHash() {
        return currentKeyHash;
    }

    /** The current key group's index in the stores' arrays; fails when no key is set. */
    int currentKeyGroupIndex(String storeName) {
        if (currentKey == null) {
            throw new IllegalStateException("operator '" + parameters.operatorName() + "': store '" + storeName
                    + "' was used without a current key");
        }
        return currentKeyGroup - range.first();
    }

    @Override
    public <N, V> ValueStore<N, V> valueStore(ValueStoreSpec<N, V> spec) {
        return store(spec, HeapValueStore.class, () -> new HeapValueStore<>(this, spec));
    }

    @Override
    public <N, E> ListStore<N, E> listStore(ListStoreSpec<N, E> spec) {
        return store(spec, HeapListStore.class, () -> new HeapListStore<>(this, spec));
    }

    @Override
    public <N, K, V> MapStore<N, K, V> mapStore(MapStoreSpec<N, K, V> spec) {
        return store(spec, HeapMapStore.class, () -> new HeapMapStore<>(this, spec));
    }

    @SuppressWarnings("unchecked")
    private <S> S store(StoreSpec spec, Class<?> kind, java.util.function.Supplier<S> create) {
        requireOpen();
        KeyedStore<?, ?> existing = stores.get(spec.name());
        if (existing == null) {
            RestoredStore pending = restoredStates.get(spec.name());
            if (pending != null) {
                pending.checkCompatible(spec, parameters.operatorName());
            }
            S store = create.get();
            if (pending != null) {
                pending.loadInto(store, keyCodec(), parameters.operatorName());
                restoredStates.remove(spec.name());
            }
            stores.put(spec.name(), (KeyedStore<?, ?>) store);
            return store;
        }
        if (!kind.isInstance(existing)) {
            throw new IllegalStateException("operator '" + parameters.operatorName() + "': store '" + spec.name()
                    + "' is a " + StoreKind.of(existing.spec()).label() + " store; it cannot also be a "
                    + StoreKind.of(spec).label() + " store");
        }
        return (S) existing;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> TimerStore<N> timerStore(TimerStoreSpec<N> spec) {
        requireOpen();
        HeapTimerStore<?> existing = timerStores.get(spec.name());
        if (existing != null) {
            return (TimerStore<N>) existing;
        }
        RestoredStore pending = restoredTimers.get(spec.name());
        if (pending != null) {
            pending.checkCompatible(spec, parameters.operatorName());
        }
        HeapTimerStore<N> store = new HeapTimerStore<>(this, spec);
        if (pending != null) {
            pending.loadInto(store, keyCodec(), parameters.operatorName());
            restoredTimers.remove(spec.name());
        }
        timerStores.put(spec.name(), store);
        return store;
    }

    @SuppressWarnings("unchecked")
    private Codec<Object> keyCodec() {
        return (Codec<Object>) (Codec<?>) parameters.keyCodec();
    }

    @Override
    public KeyedStateSnapshot snapshot(long checkpointId) {
        requireOpen();
        return HeapSnapshots.capture(this, checkpointId);
    }

    @Override
    public void restore(List<KeyedStateHandle> handles, StateFileReader reader) throws IOException {
        requireOpen();
        if (!stores.isEmpty() || !timerStores.isEmpty()) {
            throw new IllegalStateException("operator '" + parameters.operatorName() + "': the keyed state backend"
                    + " must be restored before any store is declared, but " + stores.keySet() + " and timers "
                    + timerStores.keySet() + " exist");
        }
        if (restored) {
            throw new IllegalStateException("operator '" + parameters.operatorName() + "': the keyed state backend"
                    + " was restored already");
        }
        HeapRestore restore = new HeapRestore(parameters.operatorName(), range, parameters.maxParallelism(),
                CodecSignature.of(parameters.keyCodec()));
        for (KeyedStateHandle handle : handles) {
            restore.read(handle, reader);
        }
        restoredStates.putAll(restore.states);
        restoredTimers.putAll(restore.timers);
        restored = true;
    }

    /** Restored state and timer stores not declared again yet. */
    List<RestoredStore> pendingRestored() {
        List<RestoredStore> pending = new ArrayList<>(restoredStates.values());
        pending.addAll(restoredTimers.values());
        return pending;
    }

    Map<String, KeyedStore<?, ?>> storesByName() {
        return stores;
    }

    Map<String, HeapTimerStore<?>> timerStoresByName() {
        return timerStores;
    }

    @Override
    public List<KeyedStore<?, ?>> stores() {
        return List.copyOf(stores.values());
    }

    @Override
    public List<TimerStore<?>> timerStores() {
        return new ArrayList<>(timerStores.values());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the keyed state backend of operator '" + parameters.operatorName()
                    + "' is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (KeyedStore<?, ?> s : stores.values()) {
            switch (s) {
                case HeapValueStore<?, ?> v -> v.table().clear();
                case HeapListStore<?, ?> l -> l.table().clear();
                case HeapMapStore<?, ?, ?> m -> m.table().clear();
                default -> { }
            }
        }
        timerStores.values().forEach(HeapTimerStore::clear);
        stores.clear();
        timerStores.clear();
        restoredStates.clear();
        restoredTimers.clear();
        currentKey = null;
        currentKeyGroup = -1;
    }

    @Override
    public String toString() {
        return "HeapKeyedStateBackend[" + parameters + ", stores=" + stores.keySet() + ", timers=" + timerStores.keySet() + "]";
    }
}
