package io.weir.connectors.datagen;

import io.weir.api.config.Configuration;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The connector test kit against the random generator, from configuration, with 3 splits (fewer than the
 * kit's highest parallelism: one reader of four gets none). Values repeat, so the kit's multiset comparison
 * matters.
 */
class RandomSourceKitTest extends SourceTestSuite<Long> {
    private static final long EVENTS = 3_000;

    @Override
    @SuppressWarnings("unchecked")
    protected SplitSource<Long, ?> createSource(ConnectorTestContext context) {
        return (SplitSource<Long, ?>) new DatagenSourceFactory().validateAndCreate(Configuration.fromMap(Map.of(
                "source", "datagen", "kind", "random", "bound", "100", "splits", "3",
                "events", Long.toString(EVENTS), "seed", Long.toString(context.seed()))));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected List<Long> expectedRecords(ConnectorTestContext context) {
        IndexedGenerator<Long> generator = ((DatagenSource<Long>) createSource(context)).generator();
        return LongStream.range(0, EVENTS).mapToObj(generator::event).toList();
    }
}
