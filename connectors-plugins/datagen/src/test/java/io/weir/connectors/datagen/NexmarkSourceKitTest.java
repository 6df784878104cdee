package io.weir.connectors.datagen;

import io.weir.spi.source.SplitSource;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;

import java.util.List;
import java.util.stream.LongStream;

/** The connector test kit against the Nexmark generator, with more splits (5) than most parallelisms. */
class NexmarkSourceKitTest extends SourceTestSuite<NexmarkEvent> {
    private static final long EVENTS = 4_000;

    private static NexmarkGenerator generator(ConnectorTestContext context) {
        return new NexmarkGenerator(context.seed(), new EventTime(0, 1_000_000, 20, 0.02, 100));
    }

    @Override
    protected SplitSource<NexmarkEvent, ?> createSource(ConnectorTestContext context) {
        return new DatagenSource<>(generator(context), EVENTS, 0, 5);
    }

    @Override
    protected List<NexmarkEvent> expectedRecords(ConnectorTestContext context) {
        NexmarkGenerator generator = generator(context);
        return LongStream.range(0, EVENTS).mapToObj(generator::event).toList();
    }
}
