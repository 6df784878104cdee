package io.weir.connectors.chronicle;

import io.weir.spi.sink.Committer;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commits transactions of a {@link ChronicleSink} by appending a COMMIT marker for each to its queue, then
 * syncing. One small document per transaction: the commit is atomic (a reader sees the marker or not).
 *
 * <p>Idempotent: committing again appends another COMMIT of the same transaction, which readers ignore (the
 * transaction is already committed, or its records lie before their position), so a commit retried after a
 * crash never duplicates data. A committable whose queue directory no longer exists cannot be committed: a
 * {@link NoSuchFileException} names it.
 *
 * <h2>Thread safety</h2>
 * One thread at a time, as {@link Committer} says; queues are opened on first use and kept until
 * {@link #close()}.
 */
final class ChronicleCommitter implements Committer<ChronicleCommittable> {
    private final ChronicleSink<?> sink;
    private final Map<String, Open> queues = new LinkedHashMap<>();

    private record Open(SingleChronicleQueue queue, ExcerptAppender appender) {
    }

    ChronicleCommitter(ChronicleSink<?> sink) {
        this.sink = sink;
    }

    @Override
    public void commit(List<ChronicleCommittable> committables) throws IOException {
        for (ChronicleCommittable c : committables) {
            ExcerptAppender appender = appenderFor(c);
            try (DocumentContext dc = appender.writingDocument()) {
                DocumentDescriptor.writeTxn(dc.wire().bytes(), DocumentDescriptor.COMMIT, c.id(), c.checkpoint());
            }
        }
        if (sink.sync()) {
            for (Open open : queues.values()) {
                open.appender().sync();
            }
        }
    }

    private ExcerptAppender appenderFor(ChronicleCommittable c) throws NoSuchFileException {
        Open open = queues.get(c.path());
        if (open == null) {
            Path dir = Path.of(c.path());
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(c.path(), null, "cannot commit " + c
                        + ": the queue directory does not exist (deleted, or moved since the checkpoint)");
            }
            SingleChronicleQueue queue = Queues.open(dir, null, sink.customizer());
            ExcerptAppender appender;
            try {
                appender = queue.createAppender();
            } catch (RuntimeException e) {
                queue.close();
                throw e;
            }
            appender.singleThreadedCheckDisabled(true);
            open = new Open(queue, appender);
            queues.put(c.path(), open);
        }
        return open.appender();
    }

    @Override
    public void close() {
        for (Open open : queues.values()) {
            try {
                open.appender().close();
            } finally {
                open.queue().close();
            }
        }
        queues.clear();
    }
}
