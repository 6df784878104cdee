package io.weir.state.rocksdb;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.ByteArrayCodecOutput;
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
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The RocksDB {@link KeyedStateBackend} of one keyed operator subtask: a working database in a folder of
 * its own under {@code state.rocksdb.local-dir} (deleted on {@link #close()}), one column family per
 * store, rows laid out as {@link RowLayout} says, the stores' metadata in its {@link Catalog}. The current
 * key is encoded once per {@link #setCurrentKey} (key group and key, the prefix of every row the stores
 * address).
 *
 * <p>Snapshots ({@link RocksDbSnapshot}) take a native checkpoint at the barrier (hard links, cheap) and
 * write it later: incrementally (new SST files only, as shared files) or as a full, rescalable dump per
 * key group. A restore ({@link RocksDbRestore}) opens the files of a same-range incremental checkpoint as
 * they are, or rebuilds the database from the key groups this subtask owns (rescaling).
 *
 * <p>Timers live in RocksDB ({@link RocksDbTimerStore}) or on the heap ({@link HeapTimerStore}), per
 * {@code state.rocksdb.timers}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the subtask's thread only, as the SPI says. Snapshots write on another thread from a
 * checkpoint folder of their own and share only the thread-safe {@link SharedFiles} with the backend.
 */
final class RocksDbKeyedStateBackend implements KeyedStateBackend {
    /** The largest number of key groups (as Flink's): key groups are written as two bytes. */
    static final int MAX_KEY_GROUPS = 1 << 15;

    private final KeyedBackendParameters parameters;
    private final RocksDbConfig config;
    private final KeyGroupRange range;
    private final Codec<Object> keyCodec;
    private final Catalog.Header header;
    private final Path directory;
    private final String instanceId = UUID.randomUUID().toString();
    private final SharedFiles sharedFiles = new SharedFiles();
    private final Map<String, RocksDbStore<?, ?>> stores = new LinkedHashMap<>();
    private final Map<String, TimerStore<?>> timerStores = new LinkedHashMap<>();
    /** The catalog of the working database, by column family. */
    private final Map<String, Catalog.Entry> catalog = new LinkedHashMap<>();
    /** Heap timers: restored timers of stores not declared again yet, by store name. */
    private final Map<String, TimerRows> pendingHeapTimers = new LinkedHashMap<>();
    private final ByteArrayCodecOutput keyScratch = new ByteArrayCodecOutput(64);
    private final ByteArrayCodecOutput keyPrefix = new ByteArrayCodecOutput(64);
    private RocksDbInstance instance;
    private Object currentKey;
    private int currentKeyGroup = -1;
    private long snapshots;
    private boolean restored;
    private boolean closed;

    RocksDbKeyedStateBackend(KeyedBackendParameters parameters, RocksDbConfig config) {
        this.parameters = parameters;
        this.config = config;
        this.range = parameters.keyGroupRange();
        if (parameters.maxParallelism() > MAX_KEY_GROUPS) {
            throw new IllegalArgumentException("operator '" + parameters.operatorName() + "': the rocksdb state"
                    + " backend supports at most " + MAX_KEY_GROUPS + " key groups, not " + parameters.maxParallelism());
        }
        this.keyCodec = parameters.keyCodec();
        this.header = new Catalog.Header(CodecSignature.of(keyCodec), parameters.maxParallelism());
        String operator = parameters.operatorUid().replaceAll("[^A-Za-z0-9_.-]+", "_");
        this.directory = config.localDirectory().resolve(operator + "-" + parameters.subtaskIndex() + "-" + instanceId);
    }

    @Override
    public KeyedBackendParameters parameters() {
        return parameters;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return range;
    }

    String operatorName() {
        return parameters.operatorName();
    }

    Codec<Object> keyCodec() {
        return keyCodec;
    }

    RocksDbConfig config() {
        return config;
    }

    // ---- the current key ---------------------------------------------------------------------------

    @Override
    public void setCurrentKey(Object key, int keyGroup) {
        Objects.requireNonNull(key, "key");
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("operator '" + operatorName() + "' subtask " + parameters.subtaskIndex()
                    + ": key " + key + " is in key group " + keyGroup + ", which this subtask does not own (it owns "
                    + range + ")");
        }
        if (key != currentKey || keyGroup != currentKeyGroup) {
            keyScratch.reset();
            keyCodec.encode(key, keyScratch);
            keyPrefix.reset();
            RowLayout.writeKeyGroup(keyPrefix, keyGroup);
            RowLayout.writeSized(keyPrefix, keyScratch.array(), 0, keyScratch.size());
            currentKey = key;
            currentKeyGroup = keyGroup;
        }
    }

    @Override
    public Object currentKey() {
        return currentKey;
    }

    @Override
    public int currentKeyGroup() {
        return currentKeyGroup;
    }

    /** The encoded current key ({@code keyGroup | key length | key}), valid until the next key change. */
    byte[] keyPrefix() {
        return keyPrefix.array();
    }

    int keyPrefixLength() {
        return keyPrefix.size();
    }

    /** The current key's encoding alone ({@code key}), valid until the next key change. */
    byte[] keyBytes() {
        return keyScratch.array();
    }

    int keyBytesLength() {
        return keyScratch.size();
    }

    /** Fails when no key is current. */
    void requireKey(String what) {
        if (currentKey == null) {
            throw new IllegalStateException("operator '" + operatorName() + "': " + what
                    + " was used without a current key");
        }
    }

    /** Fails unless this backend owns {@code keyGroup}. */
    void requireOwned(int keyGroup) {
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("operator '" + operatorName() + "': key group " + keyGroup
                    + " is not owned by this subtask (it owns " + range + ")");
        }
    }

    // ---- stores ------------------------------------------------------------------------------------

    /** The working database, opened (empty) on first use. */
    RocksDbInstance instance() {
        requireOpen();
        if (instance == null) {
            try {
                instance = RocksDbInstance.open(directory.resolve("db"), config.memory(), false);
                Catalog.writeHeader(instance, header);
            } catch (IOException e) {
                throw new UncheckedIOException("operator '" + operatorName() + "': " + e.getMessage(), e);
            } catch (RocksDBException e) {
                throw failure("cannot write the catalog", e);
            }
        }
        return instance;
    }

    @Override
    public <N, V> ValueStore<N, V> valueStore(ValueStoreSpec<N, V> spec) {
        return store(spec, RocksDbValueStore.class, family -> new RocksDbValueStore<>(this, spec, family));
    }

    @Override
    public <N, E> ListStore<N, E> listStore(ListStoreSpec<N, E> spec) {
        return store(spec, RocksDbListStore.class, family -> new RocksDbListStore<>(this, spec, family));
    }

    @Override
    public <N, K, V> MapStore<N, K, V> mapStore(MapStoreSpec<N, K, V> spec) {
        return store(spec, RocksDbMapStore.class, family -> new RocksDbMapStore<>(this, spec, family));
    }

    @SuppressWarnings("unchecked")
    private <S> S store(StoreSpec spec, Class<?> kind, Function<ColumnFamilyHandle, S> create) {
        requireOpen();
        RocksDbStore<?, ?> existing = stores.get(spec.name());
        if (existing != null) {
            if (!kind.isInstance(existing)) {
                throw new IllegalStateException("operator '" + operatorName() + "': store '" + spec.name() + "' is a "
                        + StoreKind.of(existing.spec()).label() + " store; it cannot also be a " + StoreKind.of(spec).label()
                        + " store");
            }
            return (S) existing;
        }
        S store = create.apply(declare(spec));
        stores.put(spec.name(), (RocksDbStore<?, ?>) store);
        return store;
    }

    /** The column family of the store {@code spec} declares, checked against (or added to) the catalog. */
    private ColumnFamilyHandle declare(StoreSpec spec) {
        RocksDbInstance db = instance();
        Catalog.Entry declared = Catalog.Entry.of(spec);
        Catalog.Entry known = catalog.get(declared.columnFamily());
        if (known != null) {
            known.checkCompatible(spec, operatorName());
        }
        try {
            ColumnFamilyHandle family = db.createFamily(declared.columnFamily());
            if (known == null) {
                Catalog.writeEntry(db, declared);
                catalog.put(declared.columnFamily(), declared);
            }
            return family;
        } catch (RocksDBException e) {
            throw failure("cannot create the column family of state '" + spec.name() + "'", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> TimerStore<N> timerStore(TimerStoreSpec<N> spec) {
        requireOpen();
        TimerStore<?> existing = timerStores.get(spec.name());
        if (existing != null) {
            return (TimerStore<N>) existing;
        }
        TimerStore<N> store;
        if (config.timersOnHeap()) {
            TimerRows pending = pendingHeapTimers.remove(spec.name());
            if (pending != null) {
                pending.entry().checkCompatible(spec, operatorName());
            }
            HeapTimerStore<N> heap = new HeapTimerStore<>(this, spec);
            if (pending != null) {
                heap.load(pending);
            }
            store = heap;
        } else {
            boolean known = catalog.containsKey(Catalog.columnFamily(StoreKind.TIMER, spec.name()));
            store = new RocksDbTimerStore<>(this, spec, declare(spec), known);
        }
        timerStores.put(spec.name(), store);
        return store;
    }

    @Override
    public List<KeyedStore<?, ?>> stores() {
        return List.copyOf(stores.values());
    }

    @Override
    public List<TimerStore<?>> timerStores() {
        return new ArrayList<>(timerStores.values());
    }

    // ---- snapshots and restores --------------------------------------------------------------------

    @Override
    public KeyedStateSnapshot snapshot(long checkpointId) {
        RocksDbInstance db = instance();
        Path local = directory.resolve("chk-" + checkpointId + "-" + (++snapshots));
        try {
            db.checkpoint(local);
        } catch (IOException e) {
            throw new UncheckedIOException("operator '" + operatorName() + "': checkpoint " + checkpointId + ": "
                    + e.getMessage(), e);
        }
        List<TimerRows> heapTimers = new ArrayList<>();
        if (config.timersOnHeap()) {
            for (TimerStore<?> t : timerStores.values()) {
                heapTimers.add(((HeapTimerStore<?>) t).capture());
            }
            heapTimers.addAll(pendingHeapTimers.values());
        }
        String stem = "rocksdb-" + parameters.operatorUid().replaceAll("[^A-Za-z0-9_.-]+", "_") + "-"
                + parameters.subtaskIndex() + "-chk" + checkpointId;
        return new RocksDbSnapshot(describe(), local, List.copyOf(heapTimers), sharedFiles, instanceId, stem);
    }

    /** What snapshots and restores need to know about this backend. */
    SnapshotContext describe() {
        return new SnapshotContext(operatorName(), range, header, config);
    }

    @Override
    public void restore(List<KeyedStateHandle> handles, StateFileReader reader) throws IOException {
        requireOpen();
        if (!stores.isEmpty() || !timerStores.isEmpty() || instance != null) {
            throw new IllegalStateException("operator '" + operatorName() + "': the keyed state backend must be"
                    + " restored before any store is declared, but " + stores.keySet() + " and timers "
                    + timerStores.keySet() + " exist");
        }
        if (restored) {
            throw new IllegalStateException("operator '" + operatorName() + "': the keyed state backend was restored"
                    + " already");
        }
        restored = true;
        RocksDbRestore.Result result = new RocksDbRestore(describe(), directory).restore(handles, reader);
        instance = result.instance();
        sharedFiles.putAll(result.sharedFiles());
        try {
            catalog.putAll(Catalog.readEntries(instance));
            placeTimers(result.heapTimers());
        } catch (RocksDBException | RuntimeException e) {
            throw new IOException("operator '" + operatorName() + "': cannot place the restored timers: " + e, e);
        }
    }

    /** Puts restored timers where this backend keeps timers: RocksDB column families or the heap. */
    private void placeTimers(List<TimerRows> heapTimers) throws RocksDBException {
        if (config.timersOnHeap()) {
            for (TimerRows rows : heapTimers) {
                pendingHeapTimers.merge(rows.entry().name(), rows, TimerRows::plus);
            }
            for (Catalog.Entry e : List.copyOf(catalog.values())) {
                if (e.kind() == StoreKind.TIMER) {
                    pendingHeapTimers.merge(e.name(), TimerRows.read(instance, e, range), TimerRows::plus);
                    instance.dropFamily(e.columnFamily());
                    Catalog.removeEntry(instance, e);
                    catalog.remove(e.columnFamily());
                }
            }
        } else {
            for (TimerRows rows : heapTimers) {
                Catalog.Entry known = catalog.get(rows.entry().columnFamily());
                if (known != null && !known.equals(rows.entry())) {
                    throw new IllegalStateException("timer store '" + rows.entry().name() + "' was restored twice with"
                            + " different codecs");
                }
                rows.writeTo(instance);
                catalog.put(rows.entry().columnFamily(), rows.entry());
            }
        }
    }

    RocksDbStateException failure(String what, RocksDBException e) {
        return new RocksDbStateException("operator '" + operatorName() + "': " + what + ": " + e.getMessage(), e);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the keyed state backend of operator '" + operatorName() + "' is closed");
        }
    }

    /** Closes the database and every native object, then deletes the working folder. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stores.clear();
        timerStores.clear();
        pendingHeapTimers.clear();
        catalog.clear();
        currentKey = null;
        currentKeyGroup = -1;
        try {
            if (instance != null) {
                instance.close();
            }
        } finally {
            instance = null;
            LocalFiles.deleteQuietly(directory);
        }
    }

    @Override
    public String toString() {
        return "RocksDbKeyedStateBackend[" + parameters + ", dir=" + directory + ", stores=" + stores.keySet()
                + ", timers=" + timerStores.keySet() + "]";
    }
}
