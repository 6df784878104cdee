package io.weir.perf.flink;

import io.weir.connectors.datagen.NexmarkEvent;
import io.weir.connectors.datagen.NexmarkGenerator;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Emits the events of its split, one per {@link #pollNext} as Flink recommends, each with its event time as the
 * record timestamp. Paced (rate {@code > 0}): event {@code i} is emitted no earlier than its intended time
 * {@code anchor + i / rate}; ahead of schedule by less than {@value #SPIN_NANOS} ns it spins (answers "more
 * available"), further ahead it answers "nothing available" with a future that a timer completes when the next
 * event is due, so that a source at a modest rate leaves the CPU to the rest of the job. Behind schedule it emits as fast as it can, so the backlog shows in the latency.
 *
 * <h2>Thread safety</h2>
 * Flink's task thread only; the availability future is completed by a timer thread.
 */
final class NexmarkReader implements SourceReader<GeneratedEvent, StrideSplit> {
    static final long SPIN_NANOS = 10_000;
    private static final int PUBLISH_EVERY = 256;
    private final SourceReaderContext context;
    private final NexmarkGenerator generator;
    private final List<StrideSplit> splits = new ArrayList<>();
    private Probe.Run run;
    private WatermarkIndex watermarks;
    private AtomicLong emittedCell;
    private long emitted;
    private long anchor;
    private StrideSplit current;
    private long next;
    private boolean noMoreSplits;
    private long maxTimestamp = Long.MIN_VALUE;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

    NexmarkReader(SourceReaderContext context, NexmarkGenerator generator) {
        this.context = context;
        this.generator = generator;
    }

    @Override
    public void start() {
        run = Probe.run();
        watermarks = run.watermarks();
        emittedCell = Probe.emittedCell();
        context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<GeneratedEvent> output) {
        if (current == null) {
            if (splits.isEmpty()) {
                return finishedOrWaiting();
            }
            current = splits.remove(0);
            next = current.next();
            anchor = Probe.anchor();
        }
        if (next >= current.end()) {
            current = null;
            return InputStatus.MORE_AVAILABLE;
        }
        long now = 0;
        if (run.rate() > 0) {
            now = System.nanoTime();
            long wait = Probe.intendedNanos(run, anchor, next) - now;
            if (wait > 0) {
                return waitFor(wait);
            }
        }
        NexmarkEvent event = generator.event(next);
        long timestamp = event.dateTime();
        if (watermarks != null && timestamp > maxTimestamp) {
            watermarks.reached(context.getIndexOfSubtask(), maxTimestamp, timestamp, next);
            maxTimestamp = timestamp;
        }
        if (emitted == 0) {
            Probe.firstEmission(run, now == 0 ? System.nanoTime() : now);
        }
        output.collect(new GeneratedEvent(next, event), timestamp);
        next += current.stride();
        if (++emitted % PUBLISH_EVERY == 0) {
            emittedCell.lazySet(emitted);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private InputStatus waitFor(long nanos) {
        if (nanos < SPIN_NANOS) {
            return InputStatus.MORE_AVAILABLE;
        }
        var future = new CompletableFuture<Void>();
        available = future;
        CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(() -> future.complete(null));
        return InputStatus.NOTHING_AVAILABLE;
    }

    private InputStatus finishedOrWaiting() {
        if (!noMoreSplits) {
            available = new CompletableFuture<>();
            return InputStatus.NOTHING_AVAILABLE;
        }
        emittedCell.set(emitted);
        Probe.activity(run, System.nanoTime());
        return InputStatus.END_OF_INPUT;
    }

    @Override
    public List<StrideSplit> snapshotState(long checkpointId) {
        List<StrideSplit> state = new ArrayList<>(splits);
        if (current != null) {
            state.add(0, current.at(next));
        }
        return state;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<StrideSplit> newSplits) {
        splits.addAll(newSplits);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
    }
}
