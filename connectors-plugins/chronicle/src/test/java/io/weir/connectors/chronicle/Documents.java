package io.weir.connectors.chronicle;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the kinds of the documents of a queue, for tests. */
final class Documents {
    private Documents() {
    }

    static List<Byte> kinds(Path dir) {
        List<Byte> kinds = new ArrayList<>();
        try (var q = Queues.openExisting(dir, "test"); ExcerptTailer tailer = q.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return kinds;
                    }
                    kinds.add(dc.wire().bytes().readByte());
                }
            }
        }
    }
}
