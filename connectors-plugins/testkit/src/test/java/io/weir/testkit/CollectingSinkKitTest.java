package io.weir.testkit;

import io.weir.spi.sink.WriterSink;
import io.weir.testkit.internal.CollectingSink;

import java.util.List;

/** The kit's own transactional collecting sink passes the sink suite as exactly-once. */
class CollectingSinkKitTest extends SinkTestSuite<String> {
    private CollectingSink<String> sink;

    @Override
    protected WriterSink<String> createSink(ConnectorTestContext context) {
        sink = new CollectingSink<>();
        return sink;
    }

    @Override
    protected List<String> records(ConnectorTestContext context) {
        return context.lines(3_000);
    }

    @Override
    protected List<String> readCommitted(ConnectorTestContext context) {
        return sink.committed();
    }

    @Override
    protected SinkGuarantee guarantee() {
        return SinkGuarantee.EXACTLY_ONCE;
    }
}
