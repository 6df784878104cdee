package io.weir.runtime.operators.window;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongObjectToObjectFunction;
import org.agrona.collections.Object2ObjectHashMap;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongBinaryOperator;

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
 * <p>Records update their keys' partials with {@link #addAll} (or {@link #add}): one probe of the table per
 * record (the slot is found once, read, and written back), where {@link #get} then {@link #put} probe twice;
 * a boxed partial that the function updates in place is looked up and not written back at all.
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
    /**
     * The boxed layouts' updates look the partial up and write nothing when the slice function updates it in
     * place ({@link #updatedInPlace}); set when a {@code compute} got the partial back as the same instance.
     */
    private boolean inPlace;
    /** What {@link #addAll} hands the layout's {@code compute}: one per table, reused by every record. */
    private final Adder adder = new Adder();
    /** The batch of one record of {@link #add}. */
    private final Object[] oneValue = new Object[1];

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
        return !filtered || filterHas(filterHash(key));
    }

    /** {@link #mightContain} for a {@code long} key (the same answer as for the boxed key). */
    boolean mightContain(long key) {
        return !filtered || filterHas(mix(key));
    }

    private boolean filterHas(long hash) {
        long mask = filterMask(hash);
        return (filter[(int) (hash >>> filterShift)] & mask) == mask;
    }

    private void remember(Object key) {
        if (filtered) {
            rememberHash(filterHash(key));
        }
    }

    private void remember(long key) {
        if (filtered) {
            rememberHash(mix(key));
        }
    }

    private void rememberHash(long hash) {
        if (size() > filterLimit) {
            rebuildFilter(); // the rebuilt filter holds every key of the table, this one included
            return;
        }
        setFilterBits(hash);
    }

    private void setFilterBits(long hash) {
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
            forEach((key, partial) -> setFilterBits(filterHash(key)));
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
     * Folds {@code value} into the partial of {@code key} with {@code function}'s {@link SliceFunction#add add}:
     * {@link #addAll} for one record.
     */
    void add(Object key, Object value, SliceFunction function) throws Exception {
        Object[] values = oneValue;
        values[0] = value;
        adder.begin(function, values);
        try {
            update(key, 0);
        } finally {
            adder.end();
            values[0] = null;
        }
    }

    /**
     * Folds {@code values[i]} into the partial of {@code keys[i]} with {@code function}'s
     * {@link SliceFunction#add add} ({@code null} partial when the key has none: a new key), for {@code i} in
     * {@code [0, count)} in order, as {@code put(key, function.add(get(key), value))} would (same table, same key
     * filter, same errors), in one probe of the table per record when the result fits the layout: the layout's
     * {@code compute} finds the key's slot once, and the result is written into that slot. A result that does
     * not fit (in the unboxed layout, one that is not a {@code Long} or equals the missing marker; anywhere,
     * {@code null}) leaves the slot as it was and goes to {@link #put}, which moves the table to a layout that
     * holds it, or names the {@code null}; so does a key the layout cannot hold, and the first entry (no layout
     * yet). An exception of {@code add} propagates with the record's entry unchanged (the records before it
     * are in the table). In a boxed layout, while the function returns the partial it was given (a mutable
     * accumulator updated in place), the partial is looked up instead and nothing is written: see
     * {@link #updatedInPlace}.
     */
    void addAll(Object[] keys, Object[] values, int count, SliceFunction function) throws Exception {
        adder.begin(function, values);
        try {
            for (int i = 0; i < count; i++) {
                update(keys[i], i);
            }
        } finally {
            adder.end();
        }
    }

    /** Record {@code index} of the adder's batch, whose key is {@code key}. */
    private void update(Object key, int index) throws Exception {
        Adder adder = this.adder;
        adder.index = index;
        if (unboxed != null && key instanceof Long k) {
            unboxed.compute(k.longValue(), adder);
        } else if (longs != null && key instanceof Long k) {
            if (inPlace && updatedInPlace(key, index)) {
                return;
            }
            longs.compute(k.longValue(), adder);
            inPlace |= adder.sameInstance;
        } else if (objects != null) {
            if (inPlace && updatedInPlace(key, index)) {
                return;
            }
            objects.compute(key, adder);
            inPlace |= adder.sameInstance;
        } else {
            // no layout yet, or a key the layout cannot hold (so absent from it): put picks or widens the layout
            put(key, adder.function.add(get(key), adder.values[index]));
            return;
        }
        if (!adder.refused) {
            if (adder.absent) {
                remember(key); // after compute: a rebuilt filter is built from the table, the new key included
            }
            return;
        }
        Exception failure = adder.failure;
        Object next = adder.result;
        adder.refused = false;
        adder.failure = null;
        adder.result = null;
        if (failure != null) {
            throw failure;
        }
        put(key, next);
    }

    /**
     * {@link #update} of a boxed layout while the slice function updates its accumulators in place: looks the
     * partial up and, when add returns the instance it was given, writes nothing ({@code compute} would write
     * the same reference back: a store with a GC write barrier into a line that then has to go back to memory,
     * dearer than the probe it saves). Returns {@code false} for a key without a partial ({@code compute} adds
     * it); a new instance (the function does not update in place after all) is put, and ends this mode.
     */
    private boolean updatedInPlace(Object key, int index) throws Exception {
        Object previous = longs != null ? longs.get(((Long) key).longValue()) : objects.get(key);
        if (previous == null) {
            return false;
        }
        Object next = adder.function.add(previous, adder.values[index]);
        if (next != previous) {
            inPlace = false;
            put(key, next); // names a null
        }
        return true;
    }

    /**
     * The function of {@link #addAll} for the three layouts' {@code compute}: it gets the key's partial (the
     * missing marker or {@code null} when there is none), applies the slice function to it and the current
     * record ({@code values[index]}), and returns the new partial, which the table writes into the slot it
     * found. Agrona's {@code compute} removes an entry whose new value is the missing value ({@code null} for
     * the boxed layouts) and adds none for a key without one: a result the layout cannot hold, or an exception
     * of the slice function, is therefore never returned; the adder returns the partial it got instead (the
     * slot stays as it was, an absent key stays absent) and keeps the result or the exception for
     * {@link #update}, which must not touch the table during {@code compute}. The record is passed as an index
     * into the batch, so that a record costs no reference store into this (long-lived) object.
     */
    private static final class Adder implements LongBinaryOperator, LongObjectToObjectFunction<Object, Object>,
            BiFunction<Object, Object, Object> {
        SliceFunction function;
        Object[] values;
        int index;
        /** The key had no partial. */
        boolean absent;
        /** A boxed layout's partial came back as the same instance: the function updates it in place. */
        boolean sameInstance;
        /** The result was not stored: it is in {@link #result}, or the slice function threw {@link #failure}. */
        boolean refused;
        Object result;
        Exception failure;

        void begin(SliceFunction function, Object[] values) {
            this.function = function;
            this.values = values;
        }

        /** Lets go of the batch and any outcome. */
        void end() {
            function = null;
            values = null;
            refused = false;
            result = null;
            failure = null;
        }

        @Override
        public long applyAsLong(long key, long partial) {
            absent = partial == MISSING;
            Object next = fold(absent ? null : Long.valueOf(partial));
            if (next instanceof Long p && p != MISSING) {
                return p;
            }
            refuse(next);
            return partial;
        }

        @Override
        public Object apply(long key, Object partial) {
            return foldBoxed(partial);
        }

        @Override
        public Object apply(Object key, Object partial) {
            return foldBoxed(partial);
        }

        private Object foldBoxed(Object partial) {
            absent = partial == null;
            Object next = fold(partial);
            sameInstance = next == partial && next != null;
            if (next != null) {
                return next;
            }
            refuse(null);
            return partial;
        }

        private Object fold(Object partial) {
            try {
                return function.add(partial, values[index]);
            } catch (Exception e) {
                failure = e;
                return null;
            }
        }

        private void refuse(Object next) {
            refused = true;
            result = next;
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
