package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.SnapshotWriter;
import org.rocksdb.ColumnFamilyHandle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a native checkpoint as a full, self-contained snapshot ({@link SnapshotFormat}, "WRKF"): it opens
 * the checkpoint read-only (a database of its own, charged to the same shared memory, closed at the end)
 * and dumps, for each key group of the range, the rows of every store in chunks with a checksum each, so
 * that a restore with any parallelism reads only the key groups it owns and memory stays bounded.
 */
final class FullSnapshotWriter {
    private final SnapshotContext context;
    private final Path local;
    private final List<TimerRows> heapTimers;

    FullSnapshotWriter(SnapshotContext context, Path local, List<TimerRows> heapTimers) {
        this.context = context;
        this.local = local;
        this.heapTimers = heapTimers;
    }

    KeyedStateHandle write(SnapshotWriter writer, String fileName) throws IOException {
        KeyGroupRange range = context.range();
        try (RocksDbInstance checkpoint = RocksDbInstance.open(local, context.config().memory(), true)) {
            List<Catalog.Entry> stores = new ArrayList<>(Catalog.readEntries(checkpoint).values());
            stores.removeIf(e -> checkpoint.family(e.columnFamily()) == null);
            int firstHeapTimer = stores.size();
            List<Map<Integer, List<byte[]>>> timerRows = new ArrayList<>();
            for (TimerRows t : heapTimers) {
                stores.add(t.entry());
                Map<Integer, List<byte[]>> byKeyGroup = new HashMap<>();
                for (byte[] r : t.rows()) {
                    byKeyGroup.computeIfAbsent(RowLayout.keyGroup(r), g -> new ArrayList<>()).add(r);
                }
                timerRows.add(byKeyGroup);
            }
            ByteArrayCodecOutput header = new ByteArrayCodecOutput(1024);
            header.writeString(context.header().keyCodec());
            header.writeVarInt(context.header().maxParallelism());
            header.writeVarInt(range.first());
            header.writeVarInt(range.last());
            header.writeVarInt(stores.size());
            for (Catalog.Entry e : stores) {
                Catalog.write(e, header);
            }
            StateOutputStream file = writer.createStateFile(fileName);
            long[] offsets = new long[Math.max(0, range.size())];
            Counting out = new Counting(file);
            try (file) {
                SnapshotFormat.writeFrame(out, SnapshotFormat.FULL_MAGIC, header.array(), header.size());
                Chunks chunks = new Chunks(out);
                for (int g = range.first(); g <= range.last(); g++) {
                    offsets[g - range.first()] = out.count;
                    SnapshotFormat.writeInt(out, g);
                    for (int s = 0; s < firstHeapTimer; s++) {
                        ColumnFamilyHandle family = checkpoint.family(stores.get(s).columnFamily());
                        try (RowScan scan = new RowScan(checkpoint, family, RowLayout.keyGroupPrefix(g),
                                RowLayout.keyGroupPrefix(g + 1), false)) {
                            for (; scan.valid(); scan.next()) {
                                chunks.add(s, scan.key(), scan.value());
                            }
                        }
                    }
                    for (int t = 0; t < timerRows.size(); t++) {
                        for (byte[] r : timerRows.get(t).getOrDefault(g, List.of())) {
                            chunks.add(firstHeapTimer + t, r, new byte[0]);
                        }
                    }
                    chunks.endBlock();
                }
            }
            StateFileHandle handle = file.handle();
            return new KeyedStateHandle(SnapshotFormat.BACKEND, range, handle, offsets, handle.size());
        }
    }

    /** Cuts a key group's rows into chunks of about {@link SnapshotFormat#CHUNK} bytes, each with its checksum. */
    private static final class Chunks {
        private final OutputStream out;
        private final ByteArrayCodecOutput chunk = new ByteArrayCodecOutput(SnapshotFormat.CHUNK + 4096);

        Chunks(OutputStream out) {
            this.out = out;
        }

        void add(int store, byte[] row, byte[] value) throws IOException {
            chunk.writeVarInt(store);
            RowLayout.writeSized(chunk, row, RowLayout.KEY_GROUP_BYTES, row.length - RowLayout.KEY_GROUP_BYTES);
            RowLayout.writeSized(chunk, value, 0, value.length);
            if (chunk.size() >= SnapshotFormat.CHUNK) {
                flush();
            }
        }

        private void flush() throws IOException {
            if (chunk.size() > 0) {
                SnapshotFormat.writeInt(out, chunk.size());
                SnapshotFormat.writeInt(out, SnapshotFormat.crc(chunk.array(), chunk.size()));
                out.write(chunk.array(), 0, chunk.size());
                chunk.reset();
            }
        }

        void endBlock() throws IOException {
            flush();
            SnapshotFormat.writeInt(out, 0);
            SnapshotFormat.writeInt(out, 0);
        }
    }

    /** Counts the bytes written, for the key groups' offsets. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void close() {
            // the state file is closed by its owner
        }
    }
}
