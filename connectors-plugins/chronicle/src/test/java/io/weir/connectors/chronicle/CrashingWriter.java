package io.weir.connectors.chronicle;

import io.weir.api.codec.Codecs;
import io.weir.spi.testing.TestWriterContext;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link ProcessCrashTest}: writes 1000 records and pre-commits them as checkpoint 1 (the
 * committable goes to a file, as a checkpoint would keep it), writes 500 more, then dies with
 * {@link Runtime#halt} without closing anything, optionally in the middle of a document.
 *
 * <pre>CrashingWriter queue committable-file mid-document(true|false)</pre>
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path queue = Path.of(args[0]);
        Path committableFile = Path.of(args[1]);
        boolean midDocument = Boolean.parseBoolean(args[2]);
        ChronicleSink<String> sink = ChronicleSink.builder(queue, RecordFormat.strings()).sinkId("crash").build();
        var writer = sink.createWriter(TestWriterContext.fresh(0, 1));
        for (int i = 0; i < 1000; i++) {
            writer.write("r" + i, Long.MIN_VALUE);
        }
        List<ChronicleCommittable> committables = writer.prepareCommit(1);
        Files.write(committableFile, Codecs.toBytes(ChronicleCommittable.CODEC, committables.getFirst()));
        for (int i = 1000; i < 1500; i++) {
            writer.write("r" + i, Long.MIN_VALUE);
        }
        if (midDocument) {
            try (var q = Queues.open(queue, null, b -> b); ExcerptAppender appender = q.createAppender()) {
                DocumentContext dc = appender.writingDocument();
                dc.wire().bytes().writeByte(DocumentDescriptor.DATA).writeLong(0).write(new byte[100]);
                System.out.println("halting inside a document");
                Runtime.getRuntime().halt(0);
            }
        }
        System.out.println("halting");
        Runtime.getRuntime().halt(0);
    }
}
