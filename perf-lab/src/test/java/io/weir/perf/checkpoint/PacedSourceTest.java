package io.weir.perf.checkpoint;

import io.weir.spi.source.ReadStatus;
import io.weir.spi.source.SourceOutput;
import io.weir.spi.source.SplitReader;
import io.weir.spi.testing.TestReaderContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PacedSourceTest {

    @Test
    void shouldFillEveryKeyExactlyOnceAcrossReaders() throws Exception {
        PacedSource source = new PacedSource(1_001, 1_000);
        Set<Long> keys = new HashSet<>();
        long records = 0;
        for (int s = 0; s < 3; s++) {
            List<Event> fill = fill(reader(source, new PacedSource.Split(s, 3, 0)));
            records += fill.size();
            fill.forEach(e -> keys.add(e.key()));
            assertThat(fill).allMatch(e -> !e.paced());
        }
        assertThat(records).isEqualTo(1_001);
        assertThat(keys).hasSize(1_001).allMatch(k -> k >= 0 && k < 1_001);
    }

    @Test
    void shouldResumeTheSameSequenceFromASnapshot() throws Exception {
        PacedSource source = new PacedSource(1_000, 1_000);
        SplitReader<Event, PacedSource.Split> first = reader(source, new PacedSource.Split(0, 1, 0));
        Output out = new Output();
        first.pollNext(out);
        PacedSource.Split position = first.snapshotState(1).getFirst();
        List<Event> rest = fill(first);

        List<Event> resumed = fill(reader(source, position));

        assertThat(position.position()).isEqualTo(out.events.size());
        assertThat(resumed).isEqualTo(rest);
    }

    @Test
    void shouldPaceRandomKeysWithinTheKeySpaceAfterTheFill() throws Exception {
        PacedSource source = new PacedSource(100, 1_000_000_000);
        SplitReader<Event, PacedSource.Split> reader = reader(source, new PacedSource.Split(0, 1, 100));
        Output out = new Output();

        ReadStatus status = reader.pollNext(out);

        assertThat(status).isEqualTo(ReadStatus.MORE_AVAILABLE);
        assertThat(out.events).isNotEmpty().allMatch(Event::paced).allMatch(e -> e.key() >= 0 && e.key() < 100);
    }

    /** Polls until the fill is over; returns the fill records. */
    private static List<Event> fill(SplitReader<Event, PacedSource.Split> reader) throws Exception {
        Output out = new Output();
        List<Event> fill = new ArrayList<>();
        while (true) {
            out.events.clear();
            reader.pollNext(out);
            for (Event e : out.events) {
                if (e.paced()) {
                    return fill;
                }
                fill.add(e);
            }
        }
    }

    private static SplitReader<Event, PacedSource.Split> reader(PacedSource source, PacedSource.Split split) {
        SplitReader<Event, PacedSource.Split> reader = source.createReader(new TestReaderContext(0, 1).onSplitRequest(() -> {
            throw new AssertionError("a reader with a split asks for none");
        }));
        reader.addSplits(List.of(split));
        reader.start();
        return reader;
    }

    private static final class Output implements SourceOutput<Event> {
        final List<Event> events = new ArrayList<>();

        @Override
        public void collect(Event record) {
            events.add(record);
        }

        @Override
        public void collect(Event record, long timestamp) {
            events.add(record);
        }
    }
}
