package io.weir.perf.flink;

import io.weir.connectors.datagen.EventTime;
import io.weir.connectors.datagen.NexmarkGenerator;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.util.List;

/**
 * A bounded Flink source of {@code events} Nexmark events from Weir's {@link NexmarkGenerator}: event {@code i}
 * is {@code new NexmarkGenerator(seed, eventTime).event(i)}, the same as Weir's {@code datagen} source, split by
 * stride over the readers. Pacing and measurement settings come from the current {@link Probe} run.
 *
 * <h2>Thread safety</h2>
 * Immutable; Flink serializes it to the tasks.
 */
public final class NexmarkSource implements Source<GeneratedEvent, StrideSplit, List<StrideSplit>> {
    private static final long serialVersionUID = 1L;
    private final long events;
    private final long seed;
    private final long startMillis;
    private final long intervalNanos;
    private final long outOfOrdernessMs;
    private final double lateFraction;
    private final long lateDelayMs;

    /** {@code events} events of {@code new NexmarkGenerator(seed, eventTime)}. */
    public NexmarkSource(long events, long seed, EventTime eventTime) {
        this.events = events;
        this.seed = seed;
        this.startMillis = eventTime.startMillis();
        this.intervalNanos = eventTime.intervalNanos();
        this.outOfOrdernessMs = eventTime.outOfOrdernessMs();
        this.lateFraction = eventTime.lateFraction();
        this.lateDelayMs = eventTime.lateDelayMs();
    }

    /** The generator (records are not serializable, so the source keeps the settings and rebuilds it). */
    public NexmarkGenerator generator() {
        return new NexmarkGenerator(seed, new EventTime(startMillis, intervalNanos, outOfOrdernessMs, lateFraction,
                lateDelayMs));
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<StrideSplit, List<StrideSplit>> createEnumerator(SplitEnumeratorContext<StrideSplit> context) {
        return new StrideEnumerator(context, StrideEnumerator.splits(events, context.currentParallelism()));
    }

    @Override
    public SplitEnumerator<StrideSplit, List<StrideSplit>> restoreEnumerator(SplitEnumeratorContext<StrideSplit> context,
                                                                           List<StrideSplit> checkpoint) {
        return new StrideEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<StrideSplit> getSplitSerializer() {
        return new StrideSplitSerializer.OfSplit();
    }

    @Override
    public SimpleVersionedSerializer<List<StrideSplit>> getEnumeratorCheckpointSerializer() {
        return new StrideSplitSerializer.OfPending();
    }

    @Override
    public SourceReader<GeneratedEvent, StrideSplit> createReader(SourceReaderContext readerContext) {
        return new NexmarkReader(readerContext, generator());
    }
}
