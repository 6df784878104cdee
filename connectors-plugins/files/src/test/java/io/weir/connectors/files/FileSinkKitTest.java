package io.weir.connectors.files;

import io.weir.spi.sink.WriterSink;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SinkGuarantee;
import io.weir.testkit.SinkTestSuite;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector test kit against the exactly-once file sink, with a small rolling size so that parts roll
 * within checkpoints too. Visible records are the lines of the part files that are not hidden.
 */
class FileSinkKitTest extends SinkTestSuite<String> {
    private static Path output(ConnectorTestContext context) {
        return context.directory().resolve("out");
    }

    @Override
    protected WriterSink<String> createSink(ConnectorTestContext context) {
        return FileSink.<String>forRows(output(context)).withRollingSize(16 << 10).build();
    }

    @Override
    protected List<String> records(ConnectorTestContext context) {
        return context.lines(3_000);
    }

    @Override
    protected List<String> readCommitted(ConnectorTestContext context) {
        return PartFiles.visibleLines(output(context));
    }

    @Override
    protected SinkGuarantee guarantee() {
        return SinkGuarantee.EXACTLY_ONCE;
    }

    @Override
    protected void assertResourcesReleased(ConnectorTestContext context) {
        assertThat(PartFiles.staged(output(context))).as("staged part files left behind").isEmpty();
    }
}
