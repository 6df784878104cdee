package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.StateFileReader;
import org.rocksdb.RocksDBException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a full snapshot ({@link SnapshotFormat}, "WRKF") into a working database: the header, then only
 * the blocks of the key groups the restoring backend owns, chunk by chunk (each checked against its
 * checksum), their rows put into the stores' column families. Timer stores go to column families too;
 * the backend moves them to the heap if it keeps timers there.
 */
final class FullSnapshotReader {
    /** The header of a full snapshot. */
    record Header(String keyCodec, int maxParallelism, KeyGroupRange range, List<Catalog.Entry> stores) {

        static Header parse(byte[] payload) {
            ByteArrayCodecInput in = new ByteArrayCodecInput(payload);
            String keyCodec = in.readString();
            int maxParallelism = in.readVarInt();
            KeyGroupRange range = KeyGroupRange.of(in.readVarInt(), in.readVarInt());
            int count = in.readVarInt();
            List<Catalog.Entry> stores = new ArrayList<>(Math.min(Math.max(count, 0), 1024));
            for (int i = 0; i < count; i++) {
                stores.add(Catalog.read(in));
            }
            return new Header(keyCodec, maxParallelism, range, stores);
        }

        void check(SnapshotContext context, KeyedStateHandle handle, String file) throws IOException {
            IncrementalMeta.checkHeader(context, keyCodec, maxParallelism, file);
            if (!range.equals(handle.range())) {
                throw SnapshotFormat.corrupt(file, -1, "it holds key groups " + range + " but its handle says "
                        + handle.range());
            }
        }
    }

    private final SnapshotContext context;
    private final KeyedStateHandle handle;
    private final StateFileReader reader;
    private final String file;

    FullSnapshotReader(SnapshotContext context, KeyedStateHandle handle, StateFileReader reader) {
        this.context = context;
        this.handle = handle;
        this.reader = reader;
        this.file = handle.file().path();
    }

    /** Puts the rows of the key groups both the file and the backend have into {@code target}. */
    void readInto(RocksDbInstance target) throws IOException, RocksDBException {
        KeyGroupRange mine = context.range();
        int first = Math.max(mine.first(), handle.range().first());
        int last = Math.min(mine.last(), handle.range().last());
        try (InputStream in = reader.open(handle.file());
             RowCopier copier = new RowCopier(target, context.operatorName(), file)) {
            SnapshotFormat.Frame frame = SnapshotFormat.readFrame(in, file);
            Header header;
            try {
                header = Header.parse(frame.payload());
            } catch (RuntimeException e) {
                throw SnapshotFormat.corrupt(file, -1, "malformed header: " + e);
            }
            for (Catalog.Entry e : header.stores()) {
                copier.declare(e);
            }
            long position = frame.size();
            for (int g = first; g <= last; g++) {
                long offset = handle.offsetOf(g);
                if (offset < position) {
                    throw SnapshotFormat.corrupt(file, g, "its offset " + offset + " lies before the end of the data"
                            + " read so far (" + position + ")");
                }
                SnapshotFormat.skip(in, offset - position, file, g);
                position = offset + readBlock(in, g, header.stores(), copier);
            }
            copier.flush();
        }
    }

    /** Reads the block of key group {@code g}; returns its length in bytes. */
    private long readBlock(InputStream in, int g, List<Catalog.Entry> stores, RowCopier copier)
            throws IOException, RocksDBException {
        byte[] keyGroup = SnapshotFormat.readFully(in, 4, file, "block header", g);
        if (SnapshotFormat.readInt(keyGroup, 0) != g) {
            throw SnapshotFormat.corrupt(file, g, "the block at its offset is of key group "
                    + SnapshotFormat.readInt(keyGroup, 0));
        }
        long length = 4;
        while (true) {
            byte[] chunkHeader = SnapshotFormat.readFully(in, 8, file, "chunk header", g);
            int size = SnapshotFormat.readInt(chunkHeader, 0);
            length += 8;
            if (size == 0) {
                return length;
            }
            if (size < 0 || size > SnapshotFormat.MAX_LENGTH) {
                throw SnapshotFormat.corrupt(file, g, "implausible chunk length " + size);
            }
            byte[] chunk = SnapshotFormat.readFully(in, size, file, "chunk", g);
            if (SnapshotFormat.crc(chunk, size) != SnapshotFormat.readInt(chunkHeader, 4)) {
                throw SnapshotFormat.corrupt(file, g, "checksum mismatch: the file is corrupt");
            }
            length += size;
            try {
                readRows(chunk, g, stores, copier);
            } catch (RuntimeException e) {
                throw SnapshotFormat.corrupt(file, g, "malformed chunk: " + e);
            }
        }
    }

    private static void readRows(byte[] chunk, int g, List<Catalog.Entry> stores, RowCopier copier)
            throws RocksDBException {
        ByteArrayCodecInput in = new ByteArrayCodecInput(chunk);
        while (in.remaining() > 0) {
            int store = in.readVarInt();
            if (store < 0 || store >= stores.size()) {
                throw new IllegalStateException("unknown store index " + store);
            }
            int rowLength = in.readVarInt();
            in.require(rowLength);
            byte[] row = new byte[RowLayout.KEY_GROUP_BYTES + rowLength];
            row[0] = (byte) (g >>> 8);
            row[1] = (byte) g;
            in.readBytes(row, RowLayout.KEY_GROUP_BYTES, rowLength);
            int valueLength = in.readVarInt();
            in.require(valueLength);
            byte[] value = new byte[valueLength];
            in.readBytes(value, 0, valueLength);
            copier.put(stores.get(store), row, value);
        }
    }
}
