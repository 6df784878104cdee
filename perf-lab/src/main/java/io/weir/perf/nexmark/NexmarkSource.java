package io.weir.perf.nexmark;

import io.weir.api.codec.Codec;
import io.weir.connectors.datagen.DatagenSplit;
import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.connectors.datagen.NexmarkGenerator;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SequentialSplitReader;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;

/**
 * The events {@code 0 .. events - 1} of the datagen connector's {@link NexmarkGenerator}, in the connector's
 * strided {@link DatagenSplit}s (one per reader), either as fast as possible or paced by a {@link Schedule}: every
 * reader emits event {@code i} no earlier than {@code schedule.intendedNanos(i)}, one schedule for all readers (the
 * connector's own rate limit starts a clock per reader, which would shift each reader's events by its start-up
 * time). A reader that falls behind emits the overdue events at once, so their latency counts from when they were
 * due (no coordinated omission).
 *
 * <p>Timestamps: {@link Stamp#EVENT_TIME} gives each event its Nexmark event time; {@link Stamp#INDEX} gives it its
 * index instead, for the stateless queries, which use no event time: the record's timestamp then tells the sink
 * which event a result came from without a wrapper object per event.
 *
 * <h2>Thread safety</h2>
 * Immutable apart from {@link Progress}, which each reader publishes to; readers run on their own threads.
 */
final class NexmarkSource implements SplitSource<NexmarkEvent, DatagenSplit> {
    /** What a record's timestamp holds. */
    enum Stamp {
        /** The Nexmark event time, epoch milliseconds. */
        EVENT_TIME,
        /** The event's index. */
        INDEX
    }

    /** Events emitted per {@code pollNext} at most. */
    static final int BATCH = 256;

    private final NexmarkGenerator generator;
    private final Schedule schedule;
    private final Stamp stamp;
    private final Progress progress;

    NexmarkSource(long seed, Schedule schedule, Stamp stamp, Progress progress) {
        this.generator = new NexmarkGenerator(seed, schedule.eventTime());
        this.schedule = schedule;
        this.stamp = stamp;
        this.progress = progress;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public Class<NexmarkEvent> producedType() {
        return NexmarkEvent.class;
    }

    @Override
    public SplitEnumerator<DatagenSplit> createEnumerator(EnumeratorContext<DatagenSplit> context) {
        List<DatagenSplit> splits = new ArrayList<>();
        for (int s = 0; s < schedule.splits(); s++) {
            splits.add(new DatagenSplit(s, schedule.splits(), s, schedule.events()));
        }
        return restoreEnumerator(context, splits);
    }

    @Override
    public SplitEnumerator<DatagenSplit> restoreEnumerator(EnumeratorContext<DatagenSplit> context,
                                                           List<DatagenSplit> unassigned) {
        return StaticSplitEnumerator.inOrder(context, unassigned);
    }

    @Override
    public SplitReader<NexmarkEvent, DatagenSplit> createReader(ReaderContext context) {
        return new Reader(context);
    }

    @Override
    public Codec<DatagenSplit> splitCodec() {
        return DatagenSplit.CODEC;
    }

    /** Reads its splits one after the other (normally exactly one). */
    private final class Reader extends SequentialSplitReader<NexmarkEvent, DatagenSplit> {
        private DatagenSplit current;
        private long next;
        private long emitted;

        Reader(ReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(DatagenSplit split) {
            current = split;
            next = split.next();
        }

        @Override
        protected SplitProgress readSplit(SourceOutput<NexmarkEvent> output) {
            long end = current.end();
            long stride = current.stride();
            long limit = end;
            if (schedule.paced()) {
                // every event due by now, in this split's stride
                long due = schedule.dueBy(System.nanoTime());
                limit = Math.min(end, due);
                if (next >= limit) {
                    return SplitProgress.NOTHING_AVAILABLE;
                }
            }
            int count = 0;
            boolean indexStamp = stamp == Stamp.INDEX;
            while (count < BATCH && next < limit) {
                NexmarkEvent event = generator.event(next);
                output.collect(event, indexStamp ? next : event.dateTime());
                next += stride;
                count++;
            }
            emitted += count;
            progress.publish(context().subtaskIndex(), emitted);
            return next >= end ? SplitProgress.FINISHED : SplitProgress.EMITTED;
        }

        @Override
        protected DatagenSplit openSplitPosition() {
            return new DatagenSplit(current.index(), current.stride(), next, current.end());
        }
    }
}
