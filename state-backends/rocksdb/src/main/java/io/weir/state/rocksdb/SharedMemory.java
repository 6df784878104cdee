package io.weir.state.rocksdb;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The native memory that every RocksDB instance of the JVM with the same {@link RocksDbConfig.MemoryConfig}
 * shares: one LRU block cache and one write buffer manager that charges memtables to that cache, so that
 * block cache plus memtables stay near the configured managed size whatever the number of keyed operator
 * subtasks (as Flink's managed memory for RocksDB). Reference counted: created by the first
 * {@link #acquire}, freed by the last {@link #release}.
 *
 * <h2>Thread safety</h2>
 * {@link #acquire} and {@link #release} are thread-safe: the count changes only inside
 * {@link ConcurrentHashMap#compute}, which runs atomically per budget.
 */
final class SharedMemory {
    private static final ConcurrentHashMap<RocksDbConfig.MemoryConfig, SharedMemory> SHARED = new ConcurrentHashMap<>();
    /** Instances alive in the JVM, for leak tests. */
    private static final AtomicInteger ALIVE = new AtomicInteger();

    private final RocksDbConfig.MemoryConfig config;
    private final LRUCache cache;
    private final WriteBufferManager writeBufferManager;
    private int references;

    private SharedMemory(RocksDbConfig.MemoryConfig config) {
        RocksDB.loadLibrary();
        this.config = config;
        this.cache = new LRUCache(config.cacheCapacity(), -1, false, config.highPriorityPoolRatio());
        this.writeBufferManager = new WriteBufferManager(config.writeBufferCapacity(), cache);
        ALIVE.incrementAndGet();
    }

    /** The shared memory of {@code config}, created if no backend holds it; release it once. */
    static SharedMemory acquire(RocksDbConfig.MemoryConfig config) {
        return SHARED.compute(config, (c, existing) -> {
            SharedMemory memory = existing != null ? existing : new SharedMemory(c);
            memory.references++;
            return memory;
        });
    }

    /** Gives back one reference; the last one frees the native cache and write buffer manager. */
    void release() {
        SHARED.computeIfPresent(config, (c, memory) -> {
            if (memory != this) {
                return memory;
            }
            if (--references > 0) {
                return this;
            }
            writeBufferManager.close();
            cache.close();
            ALIVE.decrementAndGet();
            return null;
        });
    }

    Cache cache() {
        return cache;
    }

    WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    /** The number of shared memory pools alive in the JVM. */
    static int alive() {
        return ALIVE.get();
    }
}
