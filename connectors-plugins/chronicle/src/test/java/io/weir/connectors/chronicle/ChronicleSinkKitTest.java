package io.weir.connectors.chronicle;

import io.weir.spi.sink.WriterSink;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SinkGuarantee;
import io.weir.testkit.SinkTestSuite;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The connector test kit against the exactly-once chronicle sink: what the kit's jobs wrote is read back in
 * read-committed mode ({@link ChronicleRecords#readCommitted}), as a downstream chronicle source would see it;
 * the sink claims {@link SinkGuarantee#EXACTLY_ONCE}.
 */
class ChronicleSinkKitTest extends SinkTestSuite<String> {
    private static Path queue(ConnectorTestContext context) {
        return context.directory().resolve("queue");
    }

    @Override
    protected WriterSink<String> createSink(ConnectorTestContext context) {
        return ChronicleSink.builder(queue(context), RecordFormat.strings()).sinkId("kit").build();
    }

    @Override
    protected List<String> records(ConnectorTestContext context) {
        return context.lines(3_000);
    }

    @Override
    protected List<String> readCommitted(ConnectorTestContext context) {
        Path queue = queue(context);
        return Files.isDirectory(queue) ? ChronicleRecords.readCommitted(queue, RecordFormat.strings()) : List.of();
    }

    @Override
    protected SinkGuarantee guarantee() {
        return SinkGuarantee.EXACTLY_ONCE;
    }

    @Override
    protected boolean isAllowedToOutliveTheJob(Thread thread) {
        return ChronicleKit.isChronicleDaemon(thread);
    }

    @Override
    protected void assertResourcesReleased(ConnectorTestContext context) throws Exception {
        BackgroundResourceReleaser.releasePendingResources();
        ChronicleKit.assertNoOpenFilesUnder(context.directory());
    }
}
