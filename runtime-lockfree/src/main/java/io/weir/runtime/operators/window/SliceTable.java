package io.weir.runtime.operators.window;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2ObjectHashMap;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The partial aggregates of one slice: key to partial, in an open-addressing hash table (Agrona's).
 * The table specialises itself on the first entry, the way a columnar engine picks a fixed-width layout:
 * {@code Long} keys with {@code Long} partials (counts, sums: the common case) live unboxed in one
 * interleaved {@code long[]}, so that a lookup touches one cache line; {@code Long} keys with other
 * partials in a primitive-keyed table (no key object to follow); anything else in an object-keyed table.
 * The first entry that does not fit moves the table to the next, more general layout. Partials are never
 * {@code null}; {@code Long} partials come back as equal {@code Long}s (not the same objects: boxes have
 * no identity worth keeping).
 *
 * <p>Beside the entries the table keeps a small filter of its keys (a blocked Bloom filter, about 16 bits
 * per key, three bits in one {@code long} per key): {@link #mightContain} answers "certainly absent" for
 * most keys that are absent without touching the (much larger) hash table, so that firing a sliding
 * window can ask the window's other slices whether they hold a key at the cost of a cache hit instead of
 * a cache miss. The filter grows with the table; it never forgets a key while the key is in the table.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the operator's thread only.
 */
final class SliceTable {
    private static final float LOAD_FACTOR = 0.6f;
    /** The unboxed layout's marker for "no entry"; a partial equal to it moves the table to a boxed layout. */
    private static final long MISSING = Long.MIN_VALUE;

    /** What {@link #forEach} calls with each entry. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(Object key, Object partial) throws Exception;
    }

    /** Filter bits per key the filter is sized for; it is rebuilt twice as large when it holds half as many. */
    private static final int FILTER_BITS_PER_KEY = 16;

    private final int capacity;
    private boolean filtered;
    /** The key filter: one word per key picks three of its bits (see {@link #filterMask}). */
    private long[] filter;
    /** {@code 64 - log2(filter.length)}: the word of a key is its hash's top bits. */
    private int filterShift;
    /** Keys the filter can take before it is rebuilt larger. */
    private int filterLimit;
    private Long2LongHashMap unboxed;
    private Long2ObjectHashMap<Object> longs;
    private Object2ObjectHashMap<Object, Object> objects;

    /** An empty table sized for about {@code expectedSize} keys, with a key filter. */
    SliceTable(int expectedSize) {
        this(expectedSize, true);
    }

    /**
     * An empty table sized for about {@code expectedSize} keys; without a key {@code filter} (until
     * {@link #filter()}), {@link #mightContain} answers {@code true}.
     */
    SliceTable(int expectedSize, boolean filtered) {
        this.capacity = Math.max(16, (int) Math.min(1 << 30, expectedSize / LOAD_FACTOR));
        this.filtered = filtered;
        if (filtered) {
            newFilter(expectedSize);
        }
    }

    /** Gives the table a key filter from now on (built from its keys; nothing when it has one). */
    void filter() {
        if (!filtered) {
            filtered = true;
            rebuildFilter();
        }
    }

    /** {@code true} when the table keeps a key filter. */
    boolean filtered() {
        return filtered;
    }

    /**
     * {@code false} when {@code key} is certainly not in the table; {@code true} when it may be (a few in a
     * hundred absent keys answer {@code true}). Touches one word of a small array, not the table.
     */
    boolean mightContain(Object key) {
        if (!filtered) {
            return true;
        }
        long hash = filterHash(key);
        long mask = filterMask(hash);
        return (filter[(int) (hash >>> filterShift)] & mask) == mask;
    }

    /** {@link #mightContain} for a {@code long} key (the same answer as for the boxed key). */
    boolean mightContain(long key) {
        if (!filtered) {
            return true;
        }
        long hash = mix(key);
        long mask = filterMask(hash);
        return (filter[(int) (hash >>> filterShift)] & mask) == mask;
    }

    private void remember(Object key) {
        if (!filtered) {
            return;
        }
        if (size() > filterLimit) {
            rebuildFilter();
            return; // the rebuilt filter holds every key of the table, this one included
        }
        long hash = filterHash(key);
        filter[(int) (hash >>> filterShift)] |= filterMask(hash);
    }

    private void remember(long key) {
        if (!filtered) {
            return;
        }
        if (size() > filterLimit) {
            rebuildFilter();
            return;
        }
        long hash = mix(key);
        filter[(int) (hash >>> filterShift)] |= filterMask(hash);
    }

    private void newFilter(int keys) {
        int words = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 26, (long) keys * FILTER_BITS_PER_KEY / 64)) * 2 - 1);
        filter = new long[words];
        filterShift = 64 - Integer.numberOfTrailingZeros(words);
        filterLimit = (int) Math.min(Integer.MAX_VALUE, (long) words * 64 / (FILTER_BITS_PER_KEY / 2));
    }

    private void rebuildFilter() {
        newFilter(Math.max(size() * 2, capacity / 2));
        try {
            forEach((key, partial) -> {
                long hash = filterHash(key);
                filter[(int) (hash >>> filterShift)] |= filterMask(hash);
            });
        } catch (Exception e) {
            throw new IllegalStateException("unreachable: the filter's visitor throws nothing", e);
        }
    }

    /** A {@code Long} key hashes as its value (so both {@link #mightContain} overloads agree), others by {@code hashCode}. */
    private static long filterHash(Object key) {
        return mix(key instanceof Long l ? l : key.hashCode());
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29) ^ (h << 17);
    }

    /** Three bits of the word, from hash bits the word index does not use (the index takes the top bits). */
    private static long filterMask(long hash) {
        return 1L << hash | 1L << (hash >>> 6) | 1L << (hash >>> 12);
    }

    /** The partial of {@code key}, or {@code null}. */
    Object get(Object key) {
        if (unboxed != null) {
            if (key instanceof Long l) {
                long partial = unboxed.get(l.longValue());
                return partial == MISSING ? null : Long.valueOf(partial);
            }
            return null;
        }
        if (longs != null) {
            return key instanceof Long l ? longs.get(l.longValue()) : null;
        }
        return objects == null ? null : objects.get(key);
    }

    /** Sets the partial of {@code key} (not null). */
    void put(Object key, Object partial) {
        if (partial == null) {
            throw new NullPointerException("a window's partial aggregate must not be null (did createAccumulator,"
                    + " add or reduce return null?)");
        }
        if (unboxed == null && longs == null && objects == null) {
            if (key instanceof Long && partial instanceof Long) {
                unboxed = new Long2LongHashMap(capacity, LOAD_FACTOR, MISSING);
            } else if (key instanceof Long) {
                longs = new Long2ObjectHashMap<>(capacity, LOAD_FACTOR);
            } else {
                objects = new Object2ObjectHashMap<>(capacity, LOAD_FACTOR);
            }
        }
        if (unboxed != null) {
            if (key instanceof Long k && partial instanceof Long p && p != MISSING) {
                if (unboxed.put(k.longValue(), p.longValue()) == MISSING) {
                    remember(k.longValue());
                }
                return;
            }
            boxValues();
        }
        if (longs != null) {
            if (key instanceof Long l) {
                if (longs.put(l.longValue(), partial) == null) {
                    remember(l.longValue());
                }
                return;
            }
            boxKeys();
        }
        if (objects.put(key, partial) == null) {
            remember(key);
        }
    }

    /**
     * Looks up the first {@code count} keys without using the results: a tight loop of independent loads
     * that the CPU overlaps (many cache misses in flight at once), so that the updates that follow find
     * their entries in cache. The software prefetch Java does not have.
     */
    void prefetch(Object[] keys, int count) {
        long touched = 0;
        if (unboxed != null) {
            for (int i = 0; i < count; i++) {
                if (keys[i] instanceof Long l) {
                    touched += unboxed.get(l.longValue());
                }
            }
        } else if (longs != null) {
            for (int i = 0; i < count; i++) {
                if (keys[i] instanceof Long l && longs.get(l.longValue()) != null) {
                    touched++;
                }
            }
        } else if (objects != null) {
            for (int i = 0; i < count; i++) {
                if (objects.get(keys[i]) != null) {
                    touched++;
                }
            }
        }
        sink = touched;
    }

    /** Keeps the JIT from dropping {@link #prefetch}'s loads. */
    @SuppressWarnings("unused")
    private long sink;

    /** The number of keys. */
    int size() {
        return unboxed != null ? unboxed.size() : longs != null ? longs.size() : objects == null ? 0 : objects.size();
    }

    /** Calls {@code visitor} with every entry; the table must not change meanwhile. */
    void forEach(EntryVisitor visitor) throws Exception {
        if (unboxed != null) {
            Long2LongHashMap.EntryIterator entries = unboxed.entrySet().iterator();
            while (entries.hasNext()) {
                entries.next();
                visitor.visit(entries.getLongKey(), entries.getLongValue());
            }
        } else if (longs != null) {
            Iterator<Map.Entry<Long, Object>> it = longs.entrySet().iterator();
            @SuppressWarnings("unchecked")
            Long2ObjectHashMap<Object>.EntryIterator entries = (Long2ObjectHashMap<Object>.EntryIterator) (Object) it;
            while (entries.hasNext()) {
                entries.next();
                visitor.visit(entries.getLongKey(), entries.getValue());
            }
        } else if (objects != null) {
            for (Map.Entry<Object, Object> entry : objects.entrySet()) {
                visitor.visit(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Removes every entry, keeping the layout and capacity. */
    void clear() {
        if (filtered) {
            Arrays.fill(filter, 0L);
        }
        if (unboxed != null) {
            unboxed.clear();
        } else if (longs != null) {
            longs.clear();
        } else if (objects != null) {
            objects.clear();
        }
    }

    private void boxValues() {
        longs = new Long2ObjectHashMap<>(Math.max(capacity, (int) (unboxed.size() / LOAD_FACTOR) * 2), LOAD_FACTOR);
        unboxed.forEachLong((k, v) -> longs.put(k, Long.valueOf(v)));
        unboxed = null;
    }

    private void boxKeys() {
        objects = new Object2ObjectHashMap<>(Math.max(capacity, (int) (longs.size() / LOAD_FACTOR) * 2), LOAD_FACTOR);
        longs.forEachLong((k, v) -> objects.put(k, v));
        longs = null;
    }
}
