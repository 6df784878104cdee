package io.weir.connectors.datagen;

import io.weir.api.codec.Codecs;
import io.weir.connectors.datagen.Harness.Emitted;
import io.weir.connectors.datagen.NexmarkEvent.Auction;
import io.weir.connectors.datagen.NexmarkEvent.Bid;
import io.weir.connectors.datagen.NexmarkEvent.Person;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.ReadStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class DatagenSourceTest {
    private static final long START = 1_000_000L;

    private static NexmarkGenerator nexmark(long seed) {
        return new NexmarkGenerator(seed, new EventTime(START, 1_000_000, 50, 0.1, 500));
    }

    private static DatagenSource<Long> sequence(long events, int splits) {
        return new DatagenSource<>(new SequenceGenerator(0, 1, EventTime.inOrder(START)), events, 0, splits);
    }

    @Test
    void shouldGenerateTheSameEventsFromTheSameSeed() {
        List<NexmarkEvent> a = LongStream.range(0, 500).mapToObj(nexmark(7)::event).toList();
        List<NexmarkEvent> b = LongStream.range(0, 500).mapToObj(nexmark(7)::event).toList();
        List<NexmarkEvent> c = LongStream.range(0, 500).mapToObj(nexmark(8)::event).toList();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void shouldEmitPersonsAuctionsAndBidsInProportionsOneToThreeToFortySix() {
        List<NexmarkEvent> events = LongStream.range(0, 5000).mapToObj(nexmark(1)::event).toList();

        assertThat(events).filteredOn(Person.class::isInstance).hasSize(100);
        assertThat(events).filteredOn(Auction.class::isInstance).hasSize(300);
        assertThat(events).filteredOn(Bid.class::isInstance).hasSize(4600);
    }

    @Test
    void shouldOnlyReferToPersonsAndAuctionsCreatedBefore() {
        long persons = 0;
        long auctions = 0;
        for (long i = 0; i < 10_000; i++) {
            switch (nexmark(3).event(i)) {
                case Person p -> assertThat(p.id()).isEqualTo(persons++);
                case Auction a -> {
                    assertThat(a.id()).isEqualTo(auctions++);
                    assertThat(a.seller()).isBetween(0L, persons - 1);
                    assertThat(a.expires()).isGreaterThan(a.dateTime());
                }
                case Bid b -> {
                    assertThat(b.auction()).isBetween(0L, auctions - 1);
                    assertThat(b.bidder()).isBetween(0L, persons - 1);
                }
            }
        }
    }

    @Test
    void shouldKeepOnTimeEventsWithinTheOutOfOrdernessAndMakeTheLateFractionLate() {
        EventTime time = new EventTime(START, 1_000_000, 50, 0.1, 500);
        int late = 0;
        for (long i = 0; i < 20_000; i++) {
            long h = Mix.hash(9, i);
            long shift = time.due(i) - time.timestamp(i, h);
            if (time.isLate(h)) {
                late++;
                assertThat(shift).isBetween(51L, 550L);
            } else {
                assertThat(shift).isBetween(0L, 50L);
            }
        }
        assertThat(late).isBetween(1_800, 2_200);
    }

    @Test
    void shouldCoverEveryEventExactlyOnceAcrossSplitsAndReaders() throws Exception {
        for (int[] shape : new int[][]{{4, 0}, {2, 3}, {3, 1}, {5, 8}}) {
            Harness<Long> run = new Harness<>(sequence(1003, shape[1]), shape[0]).start().runToEnd(100_000);

            assertThat(run.all()).map(Emitted::event).as("parallelism %d, splits %d", shape[0], shape[1])
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 1003).boxed().toList());
        }
    }

    @Test
    void shouldGiveEachReaderAStridedSplitInIndexOrder() throws Exception {
        Harness<Long> run = new Harness<>(sequence(10, 0), 3).start().runToEnd(1000);

        assertThat(run.outputs.get(0)).map(Emitted::event).containsExactly(0L, 3L, 6L, 9L);
        assertThat(run.outputs.get(1)).map(Emitted::event).containsExactly(1L, 4L, 7L);
        assertThat(run.outputs.get(2)).map(Emitted::event).containsExactly(2L, 5L, 8L);
        assertThat(run.outputs.get(0)).map(Emitted::timestamp).containsExactly(START, START + 3, START + 6, START + 9);
    }

    @Test
    void shouldContinueExactlyWhereTheSnapshotWasTakenMidSplit() throws Exception {
        DatagenSource<NexmarkEvent> source = new DatagenSource<>(nexmark(5), 2_000, 0, 0);
        List<Emitted<NexmarkEvent>> full = new Harness<>(source, 2).start().runToEnd(10_000).outputs.get(1);

        Harness<NexmarkEvent> first = new Harness<>(source, 2).start();
        for (int i = 0; i < 5; i++) {
            first.poll(1);
        }
        List<DatagenSplit> snapshot = first.readers.get(1).snapshotState(1);
        List<DatagenSplit> decoded = new ArrayList<>();
        for (DatagenSplit split : snapshot) {
            decoded.add(Codecs.fromBytes(source.splitCodec(), Codecs.toBytes(source.splitCodec(), split)));
        }
        assertThat(decoded).isEqualTo(snapshot).singleElement()
                .satisfies(s -> assertThat(s.next()).isEqualTo(1 + 2L * 5 * DatagenReader.BATCH));

        Harness<NexmarkEvent> restored = new Harness<>(source, 2, first.enumerator.snapshotState(1));
        restored.readers.get(1).addSplits(decoded);
        restored.readers.get(1).notifyNoMoreSplits();
        while (restored.poll(1) != ReadStatus.END_OF_INPUT) {
            assertThat(restored.outputs.get(1).size()).isLessThan(full.size());
        }

        List<Emitted<NexmarkEvent>> resumed = new ArrayList<>(first.outputs.get(1));
        resumed.addAll(restored.outputs.get(1));
        assertThat(resumed).isEqualTo(full);
    }

    @Test
    void shouldWaitForTheRateBudgetWithoutBlocking() throws Exception {
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        DatagenSource<Long> source = new DatagenSource<>(new SequenceGenerator(0, 1, EventTime.inOrder(START)), 0,
                2_000, 0, nanos::get);
        Harness<Long> run = new Harness<>(source, 2).start();

        assertThat(run.poll(0)).isEqualTo(ReadStatus.MORE_AVAILABLE);
        assertThat(run.poll(0)).isEqualTo(ReadStatus.NOTHING_AVAILABLE);
        assertThat(run.outputs.get(0)).hasSize(1);

        nanos.addAndGet(10_000_000); // 10 ms at 1000 events/s per reader: 10 more
        while (run.poll(0) == ReadStatus.MORE_AVAILABLE) {
            assertThat(run.outputs.get(0).size()).isLessThanOrEqualTo(11);
        }
        assertThat(run.outputs.get(0)).hasSize(11);
        assertThat(source.boundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void shouldEndAReaderThatGetsNoSplit() throws Exception {
        Harness<Long> run = new Harness<>(sequence(10, 2), 3).start();

        assertThat(run.poll(2)).isEqualTo(ReadStatus.END_OF_INPUT);
        assertThat(sequence(10, 2).boundedness()).isEqualTo(Boundedness.BOUNDED);
    }
}
