package io.weir.testkit.internal;

import io.weir.api.codec.Codec;
import io.weir.api.codec.Codecs;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a connector's {@link SplitSource} to watch it through a job and to hold it at a chosen point:
 * <ul>
 *   <li>a <b>gate</b>: a reader is not polled once it has emitted as many records as the gate allows each
 *       reader ({@link #open}); a reader's {@code END_OF_INPUT} is held back while the gate is not fully
 *       open, so that no subtask finishes before the kit has taken its checkpoint;
 *       {@link #awaitReadersHeld} waits until every reader stands at the gate (or at its held-back end);</li>
 *   <li>every split handed to a reader (fresh or restored), with its subtask, its encoded bytes (the
 *       split's position included) and whether the reader belongs to a run after the injected failure;</li>
 *   <li>what readers and enumerators returned from {@code snapshotState}, per checkpoint id, encoded;</li>
 *   <li>how many readers and enumerators were created and closed.</li>
 * </ul>
 * Splits are compared by their bytes under the source's own {@link SplitSource#splitCodec()}, so a split
 * type needs no {@code equals}.
 *
 * <h2>Thread safety</h2>
 * All bookkeeping is in atomics and concurrent collections: readers run on task threads, the enumerator on
 * the coordinator's thread, the test reads from its own thread. Each wrapped reader or enumerator is
 * confined, as the SPI says, to the thread that calls it.
 *
 * @param <T> record type
 * @param <S> split type
 */
public final class InstrumentedSource<T, S extends SourceSplit> implements SplitSource<T, S> {
    /** One split handed to a reader. */
    public record Assignment(int subtask, String splitId, String encoded, boolean afterFailure) {
    }

    private final SplitSource<T, S> delegate;
    private final AtomicLong gate = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Assignment> assignments = new ConcurrentLinkedQueue<>();
    private final Map<Long, ConcurrentLinkedQueue<String>> readerSnapshots = new ConcurrentHashMap<>();
    private final Map<Long, ConcurrentLinkedQueue<String>> enumeratorSnapshots = new ConcurrentHashMap<>();
    private final AtomicInteger readersCreated = new AtomicInteger();
    private final AtomicInteger readersClosed = new AtomicInteger();
    private final AtomicInteger enumeratorsCreated = new AtomicInteger();
    private final AtomicInteger enumeratorsClosed = new AtomicInteger();
    private final Set<Reader> live = ConcurrentHashMap.newKeySet();

    public InstrumentedSource(SplitSource<T, S> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "the connector's source");
    }

    /** The wrapped source. */
    public SplitSource<T, S> delegate() {
        return delegate;
    }

    /** Lets each reader emit until it has emitted {@code recordsPerReader} records ({@code Long.MAX_VALUE}: no limit). */
    public void open(long recordsPerReader) {
        gate.set(recordsPerReader);
    }

    /**
     * Waits at most {@code bound} until {@code parallelism} readers are open and every one of them stands at
     * the gate: it has emitted what the gate allows, or its input ended (held back).
     */
    public void awaitReadersHeld(int parallelism, Duration bound) {
        Await.until(() -> live.size() == parallelism && live.stream().allMatch(r -> r.heldAt == gate.get()), bound,
                () -> "the source's readers did not reach the kit's gate of " + gate.get() + " records each: "
                        + live.stream().map(r -> "subtask " + r.subtask + " emitted " + r.count + (r.heldAt >= 0 ? " (held)" : ""))
                        .toList() + " of " + parallelism + " readers (does the reader emit without blocking?)");
    }

    /** Records emitted so far, by all readers of all runs. */
    public long emitted() {
        return emitted.get();
    }

    /** Marks that the failure was injected: readers created from now on belong to the restored run. */
    public void markFailed() {
        failed.set(true);
    }

    /** Every split handed to a reader, in order. */
    public List<Assignment> assignments() {
        return List.copyOf(assignments);
    }

    /** The encoded splits that readers returned from {@code snapshotState(checkpointId)}. */
    public List<String> readerSnapshot(long checkpointId) {
        return List.copyOf(readerSnapshots.getOrDefault(checkpointId, new ConcurrentLinkedQueue<>()));
    }

    /** The encoded splits that the enumerator returned from {@code snapshotState(checkpointId)}. */
    public List<String> enumeratorSnapshot(long checkpointId) {
        return List.copyOf(enumeratorSnapshots.getOrDefault(checkpointId, new ConcurrentLinkedQueue<>()));
    }

    /** Readers created, closed. */
    public int readersCreated() {
        return readersCreated.get();
    }

    public int readersClosed() {
        return readersClosed.get();
    }

    /** Enumerators created (fresh or restored), closed. */
    public int enumeratorsCreated() {
        return enumeratorsCreated.get();
    }

    public int enumeratorsClosed() {
        return enumeratorsClosed.get();
    }

    private String encode(S split) {
        return split.splitId() + "@" + Base64.getEncoder().encodeToString(Codecs.toBytes(delegate.splitCodec(), split));
    }

    // ---- SplitSource -----------------------------------------------------------------------

    @Override
    public Boundedness boundedness() {
        return delegate.boundedness();
    }

    @Override
    public SplitEnumerator<S> createEnumerator(EnumeratorContext<S> context) {
        SplitEnumerator<S> e = delegate.createEnumerator(context);
        enumeratorsCreated.incrementAndGet();
        return new Enumerator(e);
    }

    @Override
    public SplitEnumerator<S> restoreEnumerator(EnumeratorContext<S> context, List<S> unassignedSplits) {
        SplitEnumerator<S> e = delegate.restoreEnumerator(context, unassignedSplits);
        enumeratorsCreated.incrementAndGet();
        return new Enumerator(e);
    }

    @Override
    public SplitReader<T, S> createReader(ReaderContext context) {
        SplitReader<T, S> r = delegate.createReader(context);
        readersCreated.incrementAndGet();
        return new Reader(r, context.subtaskIndex(), failed.get());
    }

    @Override
    public Codec<S> splitCodec() {
        return delegate.splitCodec();
    }

    @Override
    public Class<T> producedType() {
        return delegate.producedType();
    }

    @Override
    public String toString() {
        return "instrumented " + delegate;
    }

    private final class Enumerator implements SplitEnumerator<S> {
        private final SplitEnumerator<S> delegate;
        private boolean closed;

        Enumerator(SplitEnumerator<S> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public void handleSplitRequest(int subtask) {
            delegate.handleSplitRequest(subtask);
        }

        @Override
        public void addSplitsBack(List<S> splits, int subtask) {
            delegate.addSplitsBack(splits, subtask);
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            List<S> state = delegate.snapshotState(checkpointId);
            var queue = enumeratorSnapshots.computeIfAbsent(checkpointId, id -> new ConcurrentLinkedQueue<>());
            state.forEach(s -> queue.add(encode(s)));
            return state;
        }

        @Override
        public void close() {
            delegate.close();
            if (!closed) {
                closed = true;
                enumeratorsClosed.incrementAndGet();
            }
        }
    }

    private final class Reader implements SplitReader<T, S>, SourceOutput<T> {
        private final SplitReader<T, S> delegate;
        private final int subtask;
        private final boolean afterFailure;
        private SourceOutput<T> output;
        private boolean ended;
        private boolean closed;
        /** Records this reader emitted; written by the reader's thread, read by the test's. */
        private volatile long count;
        /** The gate the reader stands at (or at its held-back end under), or -1 while it is not held. */
        private volatile long heldAt = -1;

        Reader(SplitReader<T, S> delegate, int subtask, boolean afterFailure) {
            this.delegate = delegate;
            this.subtask = subtask;
            this.afterFailure = afterFailure;
            live.add(this);
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public void addSplits(List<S> splits) {
            for (S s : splits) {
                assignments.add(new Assignment(subtask, s.splitId(), encode(s), afterFailure));
            }
            delegate.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            delegate.notifyNoMoreSplits();
        }

        @Override
        public ReadStatus pollNext(SourceOutput<T> out) throws Exception {
            long limit = gate.get();
            if (ended) {
                return holdEnd(limit);
            }
            if (count >= limit) {
                heldAt = limit;
                return ReadStatus.NOTHING_AVAILABLE;
            }
            heldAt = -1;
            output = out;
            ReadStatus status = delegate.pollNext(this);
            if (status == ReadStatus.END_OF_INPUT) {
                ended = true;
                return holdEnd(limit);
            }
            return status;
        }

        private ReadStatus holdEnd(long limit) {
            if (limit == Long.MAX_VALUE) {
                return ReadStatus.END_OF_INPUT;
            }
            heldAt = limit;
            return ReadStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            List<S> state = delegate.snapshotState(checkpointId);
            var queue = readerSnapshots.computeIfAbsent(checkpointId, id -> new ConcurrentLinkedQueue<>());
            state.forEach(s -> queue.add(encode(s)));
            return state;
        }

        @Override
        public void close() throws Exception {
            live.remove(this);
            delegate.close();
            if (!closed) {
                closed = true;
                readersClosed.incrementAndGet();
            }
        }

        @Override
        public void collect(T record) {
            emitted.incrementAndGet();
            count++;
            output.collect(record);
        }

        @Override
        public void collect(T record, long timestamp) {
            emitted.incrementAndGet();
            count++;
            output.collect(record, timestamp);
        }
    }
}
