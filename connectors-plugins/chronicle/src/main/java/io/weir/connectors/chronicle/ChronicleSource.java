package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Chronicle queues written by {@link ChronicleSink} (or {@link ChronicleRecords#append}): one split per
 * queue directory, so several queues are read in parallel; each queue's records in queue order.
 *
 * <ul>
 *   <li><b>Bounded</b> ({@link Builder#bounded()}): reads each queue up to the last document present when the
 *       job started (recorded in the split, so a restore reads to the same end), then ends. <b>Tailing</b>
 *       (the default): follows each queue as it grows, never ends.</li>
 *   <li><b>Read-committed</b> (the default): records of the sink's transactions are emitted only once the
 *       transaction is committed, and never when it is aborted (see {@link SplitCursor}); in a bounded read,
 *       transactions not committed by the end count as not committed. <b>Read-uncommitted</b>
 *       ({@link Builder#readUncommitted()}): every record as soon as it is written, markers ignored.</li>
 *   <li><b>Start</b> on a fresh start: from the earliest document (the default) or after the last one present
 *       ({@link Builder#startFromLatest()}). After a restore: right after the checkpointed index, exactly.</li>
 *   <li>Records carry the timestamp the sink was given, when there was one.</li>
 * </ul>
 *
 * <pre>{@code
 * DataStream<Order> orders = env.fromSource(
 *         ChronicleSource.builder(RecordFormat.derived(Order.class)).queue(Path.of("/data/orders")).build(),
 *         "orders");
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable; shared by the enumerator and every reader.
 *
 * @param <T> record type
 */
@Evolving
public final class ChronicleSource<T> implements SplitSource<T, QueueSplit> {
    static {
        Queues.init();
    }

    private final RecordFormat<T> format;
    private final List<Path> queues;
    private final boolean bounded;
    private final boolean readCommitted;
    private final boolean fromLatest;

    private ChronicleSource(Builder<T> b) {
        this.format = b.format;
        this.queues = List.copyOf(b.queues);
        this.bounded = b.bounded;
        this.readCommitted = b.readCommitted;
        this.fromLatest = b.fromLatest;
    }

    /** A builder of a source of records in {@code format}; add at least one queue. */
    public static <T> Builder<T> builder(RecordFormat<T> format) {
        return new Builder<>(Objects.requireNonNull(format, "format"));
    }

    @Override
    public Boundedness boundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<QueueSplit> createEnumerator(EnumeratorContext<QueueSplit> context) {
        return StaticSplitEnumerator.byOrdinal(context, initialSplits(), QueueSplit::ordinal, boundedness());
    }

    @Override
    public SplitEnumerator<QueueSplit> restoreEnumerator(EnumeratorContext<QueueSplit> context,
                                                         List<QueueSplit> unassignedSplits) {
        return StaticSplitEnumerator.byOrdinal(context, unassignedSplits, QueueSplit::ordinal, boundedness());
    }

    /** One split per queue, positioned and (bounded) ended as the queues are now. */
    List<QueueSplit> initialSplits() {
        List<QueueSplit> splits = new ArrayList<>(queues.size());
        for (int i = 0; i < queues.size(); i++) {
            Path path = queues.get(i);
            long position = QueueSplit.BEFORE_START;
            long end = QueueSplit.UNBOUNDED;
            if (bounded || fromLatest) {
                try (SingleChronicleQueue queue = bounded
                        ? Queues.openExisting(path, "chronicle source (bounded)")
                        : Queues.open(path, null, q -> q)) {
                    long last = queue.lastIndex();
                    if (bounded) {
                        end = last;
                    }
                    if (fromLatest && last >= 0) {
                        position = last;
                    }
                }
            }
            splits.add(new QueueSplit(i, path.toString(), position, end));
        }
        return splits;
    }

    @Override
    public SplitReader<T, QueueSplit> createReader(ReaderContext context) {
        return new QueueReader<>(context, format, readCommitted);
    }

    @Override
    public Codec<QueueSplit> splitCodec() {
        return QueueSplit.CODEC;
    }

    @Override
    public Class<T> producedType() {
        return format.type();
    }

    /** The record format. */
    public RecordFormat<T> format() {
        return format;
    }

    /** The queue directories, absolute, one split each. */
    public List<Path> queues() {
        return queues;
    }

    /** {@code true} when only committed records are emitted. */
    public boolean readCommitted() {
        return readCommitted;
    }

    @Override
    public String toString() {
        return "ChronicleSource" + queues + "[" + format + ", " + (bounded ? "bounded" : "tailing") + ", "
                + (readCommitted ? "read-committed" : "read-uncommitted") + (fromLatest ? ", from latest" : "") + "]";
    }

    /**
     * Configures a {@link ChronicleSource}: tailing, read-committed, from the earliest document by default.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe; build on one thread.
     *
     * @param <T> record type
     */
    public static final class Builder<T> {
        private final RecordFormat<T> format;
        private final List<Path> queues = new ArrayList<>();
        private boolean bounded;
        private boolean readCommitted = true;
        private boolean fromLatest;

        private Builder(RecordFormat<T> format) {
            this.format = format;
        }

        /** Adds a queue directory: one more split. */
        public Builder<T> queue(Path directory) {
            Path p = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
            if (queues.contains(p)) {
                throw new IllegalArgumentException("chronicle source: queue " + p + " is listed twice");
            }
            queues.add(p);
            return this;
        }

        /** Reads each queue up to its last document present at the start of the job, then ends. */
        public Builder<T> bounded() {
            bounded = true;
            return this;
        }

        /** Follows the queues without end (the default). */
        public Builder<T> tailing() {
            bounded = false;
            return this;
        }

        /** Emits only records of committed transactions, and records outside transactions (the default). */
        public Builder<T> readCommitted() {
            readCommitted = true;
            return this;
        }

        /** Emits every record as soon as it is written, also of transactions that are later aborted. */
        public Builder<T> readUncommitted() {
            readCommitted = false;
            return this;
        }

        /** On a fresh start, skips every document present at the start (a restore resumes where it was). */
        public Builder<T> startFromLatest() {
            fromLatest = true;
            return this;
        }

        /** On a fresh start, reads from the earliest document (the default). */
        public Builder<T> startFromEarliest() {
            fromLatest = false;
            return this;
        }

        /** @throws IllegalArgumentException when no queue was added */
        public ChronicleSource<T> build() {
            if (queues.isEmpty()) {
                throw new IllegalArgumentException("chronicle source: no queue: add at least one with queue(path)");
            }
            return new ChronicleSource<>(this);
        }
    }
}
