package io.weir.connectors.datagen;

import io.weir.api.config.Configuration;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The connector test kit against the sequence generator, built the way a user configures it
 * ({@code source = datagen, kind = sequence, ...}), one split per reader.
 */
class SequenceSourceKitTest extends SourceTestSuite<Long> {
    private static final long EVENTS = 5_000;
    private static final long FROM = 1_000;

    @Override
    @SuppressWarnings("unchecked")
    protected SplitSource<Long, ?> createSource(ConnectorTestContext context) {
        Configuration configuration = Configuration.fromMap(Map.of("source", "datagen", "kind", "sequence",
                "events", Long.toString(EVENTS), "from", Long.toString(FROM), "seed", Long.toString(context.seed())));
        return (SplitSource<Long, ?>) new DatagenSourceFactory().validateAndCreate(configuration);
    }

    @Override
    protected List<Long> expectedRecords(ConnectorTestContext context) {
        return LongStream.range(FROM, FROM + EVENTS).boxed().toList();
    }
}
