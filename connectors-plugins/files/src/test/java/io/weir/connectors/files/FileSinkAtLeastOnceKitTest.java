package io.weir.connectors.files;

import io.weir.spi.sink.WriterSink;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SinkGuarantee;
import io.weir.testkit.SinkTestSuite;

import java.nio.file.Path;
import java.util.List;

/** The connector test kit against the file sink in at-least-once mode: no record may be lost. */
class FileSinkAtLeastOnceKitTest extends SinkTestSuite<String> {
    private static Path output(ConnectorTestContext context) {
        return context.directory().resolve("out");
    }

    @Override
    protected WriterSink<String> createSink(ConnectorTestContext context) {
        return FileSink.<String>forRows(output(context)).atLeastOnce().build();
    }

    @Override
    protected List<String> records(ConnectorTestContext context) {
        return context.lines(2_000);
    }

    @Override
    protected List<String> readCommitted(ConnectorTestContext context) {
        return PartFiles.visibleLines(output(context));
    }

    @Override
    protected SinkGuarantee guarantee() {
        return SinkGuarantee.AT_LEAST_ONCE;
    }
}
