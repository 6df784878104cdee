package io.weir.runtime.operators.window;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecInput;
import io.weir.api.codec.CodecOutput;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.Window;
import io.weir.runtime.checkpoint.OperatorListState;
import io.weir.runtime.operators.OperatorException;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tumbling and sliding windows with the default trigger and an incremental function, computed by window
 * slicing over in-memory slice tables: the operator for the heap state backend. It gives the results of
 * {@link SlicingWindowOperator} (and so of {@link WindowOperator} with {@code EventTimeTrigger} /
 * {@code ProcessingTimeTrigger}, for functions that meet the {@link SliceFunction} contract) at a fraction
 * of the cost per record:
 * <ul>
 *   <li>Each slice ({@code gcd(size, slide)} long, aligned with every window boundary) is one
 *       {@link SliceTable}: key to partial aggregate. A record costs one probe of the table (the lookup and
 *       the update in one); no key-group hashing, no composite (key, namespace) key, no timer.</li>
 *   <li>Windows are aligned for every key, so firing needs no per-key timers: when the watermark (or,
 *       in processing time, the clock) passes a window's {@code maxTimestamp()}, the operator walks the
 *       keys of the window's slices and emits one result per key, in window order. A tumbling window's
 *       result is its one slice's partial; a sliding window combines each key's partials oldest first,
 *       walking the window's slices without building a table of the window: a key in one slice only
 *       (short-lived keys, such as auctions) is found absent from the others by their key filters and
 *       emitted straight from its slice. When most keys are in several slices, the slices are folded into
 *       one scratch table instead, which costs fewer lookups there.</li>
 *   <li>Lateness as in Flink: a record within the allowed lateness updates its slice and at once re-fires,
 *       for its key, every window containing it that the watermark passed and did not clean up (latest
 *       start first); a record too late for every window is late data. A slice is dropped when the last
 *       window containing it reaches its cleanup time ({@code maxTimestamp + allowedLateness}), after the
 *       process window function cleared that window's per-window state for each of its keys (when it
 *       overrides {@code clear}: the default does nothing, so the walk over the keys is skipped).</li>
 * </ul>
 *
 * <h2>Checkpoints</h2>
 * The slice tables are mirrored into the keyed state backend at each checkpoint barrier (the value store
 * {@value #SLICES_STATE}, namespace = the slice as a {@link TimeWindow}, the format of
 * {@link SlicingWindowOperator}): slices changed since the previous checkpoint are written, slices dropped
 * since are removed, so the backend's snapshot holds exactly the tables, by key group, and restores
 * (rescaled or not) load them back. Between checkpoints the tables are the only copy. The time up to which
 * windows have fired is operator list state (one element per key group, so that every subtask gets one
 * on rescaling); restored, it keeps a restarted job from firing a window twice (or clearing its per-window
 * state twice): the operator's event time
 * does not fall back behind the watermark it had reached. In event time this value is the same on every
 * subtask at a barrier (watermarks are aligned with barriers); processing-time windows take the latest
 * restored value.
 *
 * <h2>Thread safety</h2>
 * Single-threaded, as every operator.
 */
public final class SliceTableWindowOperator extends AbstractWindowOperator {
    /** The name of the list state holding the time up to which windows fired. */
    static final String FIRED_STATE = "window-fired-up-to";

    /** Records per batch of table updates, results per batch of a firing. */
    private static final int BATCH = 256;
    /**
     * {@link #forEachKey} walks the slices when the last window had at least this many keys per slice entry,
     * else folds them (where the walk would look most keys up in several tables).
     */
    private static final double WALK_ABOVE = 0.5;

    private static final Codec<Long> LONG = new Codec<>() {
        @Override
        public void encode(Long value, CodecOutput out) {
            out.writeLong(value);
        }

        @Override
        public Long decode(CodecInput in) {
            return in.readLong();
        }
    };

    private final SliceGeometry geometry;
    private final long size;
    private final long slide;
    private final long sliceSize;
    private final SliceFunction sliceFunction;
    /** The live slices by start time. */
    private final TreeMap<Long, Slice> slices = new TreeMap<>();
    /** Mirrored slices dropped since the last checkpoint: their entries leave the backend at the next one. */
    private final List<Slice> droppedMirrored = new ArrayList<>();
    /** The slice of the previous record (most records fall into the newest slice). */
    private Slice recent;
    /** The keys and accumulators of {@link #forEachKey}'s current batch: {@code [0, walked)}. */
    private final Object[] walkKeys = new Object[BATCH];
    private final Object[] walkAccumulators = new Object[BATCH];
    private int walked;
    private long keysWalked;
    private long windowsFolded;
    private long windowsWalked;
    /**
     * Keys per slice entry of the last sliding window combined: 1 when every key is in one slice, 1 / (size
     * / slide) when every key is in every slice. {@link #forEachKey} walks when it is at least {@link #WALK_ABOVE};
     * new slices keep key filters (which only the walk reads) while it is.
     */
    private double keysPerEntry = 1.0;
    /** For {@link #fold}. */
    private SliceTable scratch;
    /** The tables of the window being walked by {@link #forEachKey}, oldest first. */
    private final SliceTable[] windowSlices;
    /** The process window function clears per-window state ({@link WindowFunctionRunner#clearsWindowState}). */
    private final boolean clearsWindowState;
    /** Windows whose {@code maxTimestamp()} is at or before this fired (or had no data). */
    private long firedUpTo = Long.MIN_VALUE;
    /** Windows whose cleanup time is at or before this had their per-window state cleared. */
    private long clearedUpTo = Long.MIN_VALUE;
    private int expectedKeys = 1024;
    private long emitted;
    /** On-time records of {@link #batchSlice} not yet in its table (see {@link #flush}). */
    private final Object[] batchKeys = new Object[BATCH];
    private final Object[] batchValues = new Object[BATCH];
    private int batched;
    private Slice batchSlice;
    /** Whether {@link #flush} starts with a prefetch pass. */
    private final PrefetchTuner prefetchTuner = new PrefetchTuner(System::nanoTime);
    /**
     * The fast path of {@link #processElement}: an event-time record whose timestamp is in
     * {@code [fastStart, fastEnd)}, the slice {@link #batchSlice} (dirty), is on time for every window
     * containing it, so it is batched without the window arithmetic. Set when a record was found on time
     * for its slice under the current watermark; {@link #invalidateFastPath invalidated} whenever that
     * could stop holding: the watermark (or the time windows fired up to) moves, a snapshot marks the
     * slices clean, slices are restored or dropped. Empty ({@code fastStart > fastEnd}) when invalid.
     */
    private long fastStart = Long.MAX_VALUE;
    private long fastEnd = Long.MIN_VALUE;
    /** Records that took the fast path (for tests). */
    private long fastRecords;
    private ValueStore<Window, Object> mirror;

    public SliceTableWindowOperator(WindowDefinition definition) {
        super(definition);
        if (!WindowOperators.canSlice(definition)) {
            throw new IllegalArgumentException("windows cannot be sliced: " + definition.describe());
        }
        this.geometry = SliceGeometry.of(definition);
        this.size = geometry.size();
        this.slide = geometry.slide();
        this.sliceSize = geometry.sliceSize();
        this.sliceFunction = SliceFunction.of(definition.function());
        this.windowSlices = new SliceTable[(int) (size / sliceSize)];
        this.clearsWindowState = functions.clearsWindowState();
    }

    /** The length of a slice in milliseconds: {@code gcd(size, slide)}. */
    public long sliceSize() {
        return sliceSize;
    }

    /** Sliding windows fired by folding their slices into a scratch table ({@link #forEachKey}; for tests and metrics). */
    long windowsFolded() {
        return windowsFolded;
    }

    /** Sliding windows fired by walking their slices ({@link #forEachKey}; for tests and metrics). */
    long windowsWalked() {
        return windowsWalked;
    }

    /** Records batched by the fast path of {@link #processElement} (for tests). */
    long fastRecords() {
        return fastRecords;
    }

    /** The number of live slices (for tests and metrics). */
    public int liveSlices() {
        return slices.size();
    }

    @Override
    protected boolean needsCurrentKeyPerRecord() {
        return false;
    }

    @Override
    public void initializeState(OperatorListState state, boolean restored) {
        if (restored) {
            for (Long fired : state.get(FIRED_STATE, LONG)) {
                firedUpTo = Math.max(firedUpTo, fired);
            }
            clearedUpTo = firedUpTo; // both advance to the same time: what fired before the checkpoint was cleared up to it
        }
        invalidateFastPath();
    }

    @Override
    protected void openState() {
        Codec<Object> partials = functions.partialCodec(definition.inputType(), codecs());
        mirror = keyedState.backend().valueStore(new ValueStoreSpec<>(SlicingWindowOperator.SLICES_STATE, windowCodec, partials));
        KeyGroupRange range = keyedState.backend().keyGroupRange();
        for (int group = range.first(); group <= range.last(); group++) {
            EntryCursor<Window, Object> cursor = mirror.cursor(group);
            while (cursor.next()) {
                TimeWindow slice = (TimeWindow) cursor.namespace();
                Slice s = slices.get(slice.start());
                if (s == null) {
                    s = new Slice(slice.start(), new SliceTable(expectedKeys, filterNewSlices()));
                    s.mirrored = true;
                    slices.put(s.start, s);
                }
                s.table.put(cursor.key(), cursor.value());
            }
        }
        invalidateFastPath();
    }

    /** Event time: the watermark, never behind the one windows already fired for (after a restore). */
    @Override
    protected long currentWatermark() {
        long watermark = super.currentWatermark();
        return eventTime ? Math.max(watermark, firedUpTo) : watermark;
    }

    @Override
    protected void processElement(Object key, Object value, long timestamp) throws Exception {
        if (timestamp >= fastStart && timestamp < fastEnd) {
            // the slice of the previous on-time record, under the same watermark: on time again, batched
            // (fastStart > Long.MIN_VALUE, so a record without a timestamp never gets here)
            fastRecords++;
            batchKeys[batched] = key;
            batchValues[batched] = value;
            if (++batched == BATCH) {
                flush();
            }
            return;
        }
        long time = elementTime(value, timestamp);
        long lastStart = geometry.lastStart(time);
        if (lastStart + size <= time || isWindowLate(lastStart + size - 1)) {
            handleSkippedRecord(value, timestamp); // in no window, or too late for every window
            return;
        }
        Slice slice = sliceOf(key, time);
        slice.dirty = true;
        long watermark = currentWatermark();
        long firstStart = geometry.firstStart(time, lastStart);
        if (eventTime && firstStart + size - 1 > watermark) {
            // on time (no window of the record fired yet): batch the update
            if (slice != batchSlice) {
                flush();
                batchSlice = slice;
            }
            long end = slice.start + sliceSize;
            if (slice.start > Long.MIN_VALUE && end > slice.start) {
                // every record of this slice is on time until the watermark moves (windows are slice-aligned)
                fastStart = slice.start;
                fastEnd = end;
            }
            batchKeys[batched] = key;
            batchValues[batched] = value;
            if (++batched == BATCH) {
                flush();
            }
            return;
        }
        flush();
        slice.table.add(key, value, sliceFunction); // one hash probe
        if (eventTime && firstStart + size - 1 <= watermark) {
            // windows of the record that fired already (a late record within the lateness): fire them again
            // for this key, latest start first as the assigner lists them, up to the first one cleaned up
            long latestPast = lastStart + size - 1 <= watermark
                    ? lastStart : lastStart - Math.ceilDiv(lastStart - (watermark - size + 1), slide) * slide;
            for (long start = latestPast; start >= firstStart; start -= slide) {
                if (isWindowLate(start + size - 1)) {
                    break;
                }
                emitFor(key, window(start), resultOf(key, start));
            }
        }
    }

    /** Stops the fast path of {@link #processElement} until an on-time record sets it again. */
    private void invalidateFastPath() {
        fastStart = Long.MAX_VALUE;
        fastEnd = Long.MIN_VALUE;
    }

    /**
     * Applies the batched updates, in arrival order, one table probe each ({@link SliceTable#addAll}); first,
     * when the {@linkplain PrefetchTuner tuner} finds that it pays, a pass that only looks the keys up
     * (independent loads the CPU overlaps, see {@link SliceTable#prefetch}). Every path that reads the tables
     * (watermarks, late records, snapshots, the end of input) flushes first, so batching changes no result; it
     * only turns one cache miss per record into many misses in flight.
     */
    private void flush() throws Exception {
        int count = batched;
        if (count == 0) {
            return;
        }
        batched = 0;
        SliceTable table = batchSlice.table;
        if (prefetchTuner.begin(count)) {
            table.prefetch(batchKeys, count);
        }
        table.addAll(batchKeys, batchValues, count, sliceFunction);
        prefetchTuner.end();
        Arrays.fill(batchKeys, 0, count, null);
        Arrays.fill(batchValues, 0, count, null);
    }

    @Override
    public void endInput() {
        invalidateFastPath();
        try {
            flush();
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("window processing failed", e);
        }
    }

    private Slice sliceOf(Object key, long time) {
        long start = geometry.sliceStart(time);
        Slice slice = recent;
        if (slice == null || slice.start != start) {
            slice = slices.get(start);
            if (slice == null) {
                slice = new Slice(start, new SliceTable(expectedKeys, filterNewSlices()));
                slices.put(start, slice);
            }
            recent = slice;
        }
        return slice;
    }

    @Override
    public void processWatermark(long watermark) {
        // the fast path is event time's, and advance (event time) invalidates it
        currentWatermark = watermark;
        keyedState.advanceWatermark(watermark);
        if (eventTime) {
            advance(watermark);
        }
        output.emitWatermark(watermark);
    }

    @Override
    public void onProcessingTime(long now) {
        invalidateFastPath();
        super.onProcessingTime(now);
        if (!eventTime && now != Long.MIN_VALUE) {
            advance(now - 1); // a window fires once the clock is past its last millisecond
        }
    }

    @Override
    protected void onTimer(Object key, Window window, long time, boolean eventTimeTimer) {
        // windows fire by time, not by per-key timers; the timer service serves process functions only
    }

    /** Fires the windows whose end {@code time} passed, then drops what their cleanup time passed. */
    private void advance(long time) {
        invalidateFastPath();
        try {
            flush();
            if (time > firedUpTo) {
                long from = firedUpTo;
                firedUpTo = time;
                forEachWindow(from, time, 0, this::fireWindow);
            }
            long delay = eventTime ? allowedLateness : 0;
            if (clearsWindowState && time > clearedUpTo) {
                long from = clearedUpTo;
                clearedUpTo = time;
                forEachWindow(from, time, delay, this::clearWindow);
            }
            dropSlices(time);
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("window firing failed", e);
        }
    }

    @FunctionalInterface
    private interface WindowAction {
        void run(long start) throws Exception;
    }

    /**
     * Calls {@code action} with the start of every window holding data whose
     * {@code maxTimestamp() + delay} is in {@code (after, upTo]}, in start order.
     */
    private void forEachWindow(long after, long upTo, long delay, WindowAction action) throws Exception {
        if (slices.isEmpty()) {
            return;
        }
        long start = firstWindowContaining(slices.firstKey());
        long reach = size - 1 + delay; // a window's trigger time is start + reach
        if (upTo < Long.MIN_VALUE + reach) {
            return;
        }
        if (after >= Long.MIN_VALUE + reach && after - reach >= start) {
            // the first start whose trigger time is after 'after'
            start = geometry.lastStart(after - reach) + slide;
        }
        while (start <= upTo - reach) {
            Long next = slices.ceilingKey(start);
            if (next == null) {
                return;
            }
            if (next >= start + size) {
                start = Math.max(start + slide, firstWindowContaining(next)); // skip windows without data
                continue;
            }
            action.run(start);
            start += slide;
        }
    }

    private void fireWindow(long start) throws Exception {
        TimeWindow window = window(start);
        forEachKey(start, true, (keys, accumulators, count) -> {
            for (int i = 0; i < count; i++) {
                // a pass of its own: the loads of the partials (scattered on the heap) are independent, so the
                // CPU overlaps their cache misses instead of taking them one emission at a time
                accumulators[i] = sliceFunction.result(accumulators[i]);
            }
            for (int i = 0; i < count; i++) {
                emitFor(keys[i], window, accumulators[i]);
            }
        });
    }

    private void clearWindow(long start) throws Exception {
        TimeWindow window = window(start);
        forEachKey(start, false, (keys, ignored, count) -> {
            for (int i = 0; i < count; i++) {
                keyedState.setCurrentKey(keys[i]);
                clearWindowFunction(window);
            }
        });
    }

    /** What {@link #forEachKey} calls with each batch of a window's keys. */
    @FunctionalInterface
    private interface KeysAction {
        /** {@code keys[0, count)} and their accumulators; the action may replace the accumulators. */
        void run(Object[] keys, Object[] accumulators, int count) throws Exception;
    }

    /**
     * Calls {@code action} with every key of window {@code start}, once each, in batches, with the key's
     * partials combined oldest first when {@code combine} (else with one of them). Two ways, with the same
     * results (the order of the keys differs; the order of the results of one firing in Flink is that of its
     * timer queue: unspecified):
     * <ul>
     *   <li>the walk ({@link #walk}): the slices are walked oldest first and a key is taken at the oldest
     *       slice of the window holding it; whether the window's other slices hold it is asked of their
     *       {@linkplain SliceTable#mightContain key filters} first, so that a key in one slice only (keys
     *       that are short-lived, as auctions are) costs a few cache hits and no table lookup, and its
     *       slice's partial is its accumulator as it is (as a tumbling window's is);</li>
     *   <li>the fold ({@link #fold}): the window's slices are combined per key into a scratch table, which
     *       costs less than the walk's lookups when most keys are in several slices.</li>
     * </ul>
     * Which one is chosen by the keys per slice entry of the last window combined.
     */
    private void forEachKey(long start, boolean combine, KeysAction action) throws Exception {
        int count = 0;
        long entries = 0;
        for (Slice slice : slices.subMap(start, true, start + size, false).values()) {
            windowSlices[count++] = slice.table;
            entries += slice.table.size();
        }
        int n = count;
        walked = 0;
        keysWalked = 0;
        try {
            if (combine && n > 1 && keysPerEntry < WALK_ABOVE) {
                windowsFolded++;
                fold(n, action);
            } else {
                if (combine && n > 1) {
                    windowsWalked++;
                }
                walk(n, combine, action);
            }
            if (walked > 0) {
                int last = walked;
                walked = 0;
                action.run(walkKeys, walkAccumulators, last);
            }
            if (combine && n > 1 && entries > 0) {
                keysPerEntry = (double) keysWalked / entries;
            }
        } finally {
            Arrays.fill(windowSlices, 0, n, null);
            Arrays.fill(walkKeys, null);
            Arrays.fill(walkAccumulators, null);
            if (scratch != null) {
                scratch.clear();
            }
        }
    }

    /**
     * {@link #forEachKey} by walking the {@code n} slices of {@link #windowSlices}. Slices made while the
     * operator folded have no key filter (it costs a little per new key, for nothing when folding): they
     * get one here, built from their keys, so that the lookups of this and later walks mostly hit filters.
     */
    private void walk(int n, boolean combine, KeysAction action) throws Exception {
        SliceTable[] tables = windowSlices;
        if (n > 1) {
            for (int i = 0; i < n; i++) {
                tables[i].filter();
            }
        }
        for (int j = 0; j < n; j++) {
            int index = j;
            tables[j].forEach((key, partial) -> {
                for (int i = 0; i < index; i++) {
                    if (tables[i].mightContain(key) && tables[i].get(key) != null) {
                        return; // taken with the older slice
                    }
                }
                Object accumulator = partial;
                if (combine) {
                    boolean folded = false;
                    for (int i = index + 1; i < n; i++) {
                        Object newer = tables[i].mightContain(key) ? tables[i].get(key) : null;
                        if (newer != null) {
                            if (!folded) {
                                accumulator = sliceFunction.combine(null, partial);
                                folded = true;
                            }
                            accumulator = sliceFunction.combine(accumulator, newer);
                        }
                    }
                }
                take(key, accumulator, action);
            });
        }
    }

    /** {@link #forEachKey} by folding the {@code n} slices of {@link #windowSlices} into {@link #scratch}. */
    private void fold(int n, KeysAction action) throws Exception {
        if (scratch == null) {
            scratch = new SliceTable(expectedKeys, false);
        }
        SliceTable folded = scratch;
        for (int i = 0; i < n; i++) {
            boolean first = i == 0;
            windowSlices[i].forEach((key, partial) ->
                    folded.put(key, sliceFunction.combine(first ? null : folded.get(key), partial)));
        }
        folded.forEach((key, accumulator) -> take(key, accumulator, action));
    }

    private void take(Object key, Object accumulator, KeysAction action) throws Exception {
        keysWalked++;
        walkKeys[walked] = key;
        walkAccumulators[walked] = accumulator;
        if (++walked == BATCH) {
            walked = 0;
            action.run(walkKeys, walkAccumulators, BATCH);
        }
    }

    /** The result of window {@code start} for {@code key}, or {@code null} when it holds nothing of the key. */
    private Object resultOf(Object key, long start) throws Exception {
        if (size == sliceSize) {
            Slice slice = slices.get(start);
            Object partial = slice == null ? null : slice.table.get(key);
            return partial == null ? null : sliceFunction.result(partial);
        }
        Object accumulator = null;
        boolean any = false;
        for (Slice slice : slices.subMap(start, true, start + size, false).values()) {
            Object partial = slice.table.mightContain(key) ? slice.table.get(key) : null;
            if (partial != null) {
                accumulator = sliceFunction.combine(accumulator, partial);
                any = true;
            }
        }
        return any ? sliceFunction.result(accumulator) : null;
    }

    private void emitFor(Object key, TimeWindow window, Object result) throws Exception {
        if (result == null) {
            return;
        }
        if ((++emitted & 1023) == 0) {
            keyedState.reportProgress(); // a watermark may fire a million windows in one call
        }
        if (functions.processFunction() != null) {
            // most process window functions read no keyed state: its key group is computed on first use
            keyedState.setCurrentKeyLazily(key);
        }
        emitWindow(key, window, result);
    }

    /** New slices keep key filters when windows have several slices and the operator walks them. */
    private boolean filterNewSlices() {
        return size != sliceSize && keysPerEntry >= WALK_ABOVE;
    }

    /** Drops the slices whose last window reached its cleanup time. */
    private void dropSlices(long time) {
        while (!slices.isEmpty()) {
            Map.Entry<Long, Slice> first = slices.firstEntry();
            // the last window containing a slice is the latest one starting at or before it
            if (cleanupTime(geometry.lastStart(first.getKey()) + size - 1) > time) {
                return;
            }
            Slice slice = first.getValue();
            slices.pollFirstEntry();
            invalidateFastPath();
            if (slice == recent) {
                recent = null;
            }
            if (slice.mirrored) {
                droppedMirrored.add(slice);
            }
            expectedKeys = Math.max(expectedKeys, slice.table.size());
        }
    }

    @Override
    public void snapshotState(long checkpointId, OperatorListState out) {
        KeyGroupRange range = keyedState.backend().keyGroupRange();
        out.put(FIRED_STATE, LONG, Collections.nCopies(range.size(), firedUpTo));
        invalidateFastPath(); // the slices become clean: the next record must mark its slice dirty again
        try {
            flush();
            for (Slice slice : droppedMirrored) {
                TimeWindow namespace = geometry.slice(slice.start);
                slice.table.forEach((key, partial) -> {
                    keyedState.setCurrentKey(key);
                    mirror.clear(namespace);
                });
            }
            droppedMirrored.clear();
            for (Slice slice : slices.values()) {
                if (slice.dirty || !slice.mirrored) {
                    TimeWindow namespace = geometry.slice(slice.start);
                    slice.table.forEach((key, partial) -> {
                        keyedState.setCurrentKey(key);
                        mirror.put(namespace, partial);
                    });
                    slice.dirty = false;
                    slice.mirrored = true;
                }
            }
        } catch (OperatorException e) {
            throw e;
        } catch (Exception e) {
            throw fail("mirroring window slices into the state backend failed", e);
        }
    }

    private long firstWindowContaining(long time) {
        long lastStart = geometry.lastStart(time);
        return lastStart - (lastStart - (time - size + 1)) / slide * slide;
    }

    private TimeWindow window(long start) {
        return geometry.window(start);
    }


    /** One slice: its start and table; {@code dirty}: changed since the last checkpoint. */
    private static final class Slice {
        final long start;
        final SliceTable table;
        boolean dirty;
        boolean mirrored;

        Slice(long start, SliceTable table) {
            this.start = start;
            this.table = table;
        }
    }
}
