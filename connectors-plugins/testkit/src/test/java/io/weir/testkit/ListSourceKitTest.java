package io.weir.testkit;

import io.weir.spi.source.SplitSource;
import io.weir.testkit.internal.ListSource;

import java.util.List;

/** The kit's own list source passes the source suite (7 splits: uneven over 2 and 4 readers). */
class ListSourceKitTest extends SourceTestSuite<String> {
    @Override
    protected SplitSource<String, ?> createSource(ConnectorTestContext context) {
        return new ListSource<>(context.lines(3_000), 7);
    }

    @Override
    protected List<String> expectedRecords(ConnectorTestContext context) {
        return context.lines(3_000);
    }
}
