package io.weir.connectors.datagen;

import io.weir.api.codec.Codec;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import io.weir.spi.source.StaticSplitEnumerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A generated stream: the events {@code 0 .. events - 1} of an {@link IndexedGenerator} (or an endless
 * stream), divided into strided {@link DatagenSplit}s, one per reader unless {@code splits} says
 * otherwise, optionally limited to {@code rate} events per second over all readers. Deterministic: the
 * same settings give the same events with the same timestamps, at any parallelism and across restores
 * (each reader's order is by index; readers interleave freely).
 *
 * <h2>Thread safety</h2>
 * Immutable; shared by the enumerator and the readers.
 *
 * @param <T> event type
 */
public final class DatagenSource<T> implements SplitSource<T, DatagenSplit> {
    private final IndexedGenerator<T> generator;
    private final long events;
    private final double rate;
    private final int splits;
    private final LongSupplier nanoClock;

    /**
     * @param generator the events
     * @param events    how many, or {@code <= 0} for an unbounded stream
     * @param rate      events per second over all readers, or {@code <= 0} for as fast as possible
     * @param splits    how many splits, or {@code <= 0} for one per reader
     */
    public DatagenSource(IndexedGenerator<T> generator, long events, double rate, int splits) {
        this(generator, events, rate, splits, System::nanoTime);
    }

    /** As the public constructor, with the clock of the rate limit (tests pass a manual one). */
    DatagenSource(IndexedGenerator<T> generator, long events, double rate, int splits, LongSupplier nanoClock) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.events = events;
        this.rate = rate;
        this.splits = splits;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The generator. */
    public IndexedGenerator<T> generator() {
        return generator;
    }

    @Override
    public Boundedness boundedness() {
        return events > 0 ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<DatagenSplit> createEnumerator(EnumeratorContext<DatagenSplit> context) {
        return StaticSplitEnumerator.inOrder(context, splits(splits > 0 ? splits : context.parallelism()));
    }

    @Override
    public SplitEnumerator<DatagenSplit> restoreEnumerator(EnumeratorContext<DatagenSplit> context,
                                                           List<DatagenSplit> unassignedSplits) {
        return StaticSplitEnumerator.inOrder(context, unassignedSplits);
    }

    /** The {@code count} strided splits that together cover every event once. */
    List<DatagenSplit> splits(int count) {
        long end = events > 0 ? events : Long.MAX_VALUE;
        List<DatagenSplit> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(DatagenSplit.first(i, count, end));
        }
        return list;
    }

    @Override
    public SplitReader<T, DatagenSplit> createReader(ReaderContext context) {
        double perReader = rate > 0 ? rate / context.parallelism() : 0;
        return new DatagenReader<>(generator, context, new RateLimit(perReader, nanoClock));
    }

    @Override
    public Codec<DatagenSplit> splitCodec() {
        return DatagenSplit.CODEC;
    }

    @Override
    public Class<T> producedType() {
        return generator.type();
    }
}
