package io.weir.state.heap;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.StateFileReader;
import io.weir.spi.state.StoreKind;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import static io.weir.state.heap.HeapSnapshotFormat.readInt;

/**
 * Reads heap snapshot files ({@link HeapSnapshotFormat}) for a restore: of each file, the header and only
 * the blocks of the key groups the restoring backend owns, each checked (lengths, checksum) and decompressed,
 * its sections kept encoded in {@link RestoredStore}s by store name.
 */
final class HeapRestore {
    private static final int MAX_HEADER_LENGTH = 64 << 20;

    private final String operatorName;
    private final KeyGroupRange range;
    private final int maxParallelism;
    private final String keyCodecSignature;
    private final LZ4SafeDecompressor decompressor = HeapSnapshotFormat.decompressor();
    final Map<String, RestoredStore> states = new LinkedHashMap<>();
    final Map<String, RestoredStore> timers = new LinkedHashMap<>();

    HeapRestore(String operatorName, KeyGroupRange range, int maxParallelism, String keyCodecSignature) {
        this.operatorName = operatorName;
        this.range = range;
        this.maxParallelism = maxParallelism;
        this.keyCodecSignature = keyCodecSignature;
    }

    /** Reads the key groups of this backend's range from {@code handle}'s file, if it has any of them. */
    void read(KeyedStateHandle handle, StateFileReader reader) throws IOException {
        if (!HeapSnapshotFormat.BACKEND.equals(handle.backend())) {
            throw new IllegalStateException("operator '" + operatorName + "': keyed state " + handle
                    + " was written by the '" + handle.backend() + "' state backend; the heap backend cannot read it");
        }
        int first = Math.max(range.first(), handle.range().first());
        int last = Math.min(range.last(), handle.range().last());
        if (handle.file() == null || first > last) {
            return;
        }
        String file = handle.file().path();
        try (InputStream in = reader.open(handle.file())) {
            Cursor cursor = new Cursor(in, file);
            RestoredStore[] stores = readHeader(cursor, handle);
            for (int keyGroup = first; keyGroup <= last; keyGroup++) {
                readBlock(cursor, keyGroup, handle.offsetOf(keyGroup), stores);
            }
        }
    }

    private RestoredStore[] readHeader(Cursor cursor, KeyedStateHandle handle) throws IOException {
        byte[] fixed = cursor.read(HeapSnapshotFormat.FILE_HEADER_LENGTH, "header", -1);
        if (readInt(fixed, 0) != HeapSnapshotFormat.MAGIC) {
            throw cursor.corrupt(-1, "not a heap snapshot file (bad magic 0x" + Integer.toHexString(readInt(fixed, 0))
                    + ")");
        }
        int version = readInt(fixed, 4);
        if (version != HeapSnapshotFormat.VERSION) {
            throw cursor.corrupt(-1, "unsupported format version " + version + " (this build reads version "
                    + HeapSnapshotFormat.VERSION + ")");
        }
        int length = readInt(fixed, 8);
        if (length < 0 || length > MAX_HEADER_LENGTH) {
            throw cursor.corrupt(-1, "implausible header length " + length);
        }
        byte[] payload = cursor.read(length, "header", -1);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        if ((int) crc.getValue() != readInt(fixed, 12)) {
            throw cursor.corrupt(-1, "header checksum mismatch: the file is corrupt");
        }
        try {
            return parseHeader(new ByteArrayCodecInput(payload), handle, cursor);
        } catch (RuntimeException e) {
            throw cursor.corrupt(-1, "malformed header: " + e.getMessage());
        }
    }

    private RestoredStore[] parseHeader(ByteArrayCodecInput in, KeyedStateHandle handle, Cursor cursor)
            throws IOException {
        String keyCodec = in.readString();
        int writtenMaxParallelism = in.readVarInt();
        KeyGroupRange written = KeyGroupRange.of(in.readVarInt(), in.readVarInt());
        if (!keyCodec.equals(keyCodecSignature)) {
            throw new IllegalStateException("operator '" + operatorName + "': keyed state file '" + cursor.file
                    + "' was written with key codec " + keyCodec + ", but keys are now encoded with " + keyCodecSignature);
        }
        if (writtenMaxParallelism != maxParallelism) {
            throw new IllegalStateException("operator '" + operatorName + "': keyed state file '" + cursor.file
                    + "' was written with max parallelism " + writtenMaxParallelism + ", but the operator now has "
                    + maxParallelism + "; the number of key groups cannot change across a restore");
        }
        if (!written.equals(handle.range())) {
            throw cursor.corrupt(-1, "it holds key groups " + written + " but its handle says " + handle.range());
        }
        RestoredStore[] stores = new RestoredStore[in.readVarInt()];
        for (int i = 0; i < stores.length; i++) {
            int code = in.readByte();
            StoreKind kind = StoreKind.ofCode(code);
            if (kind == null) {
                throw cursor.corrupt(-1, "unknown store kind " + code);
            }
            stores[i] = merge(kind, in.readString(), in.readString(), cursor.file);
        }
        return stores;
    }

    /** The restored store of that name (one per name and kind family, over all files). */
    private RestoredStore merge(StoreKind kind, String name, String signature, String file) {
        Map<String, RestoredStore> byName = kind == StoreKind.TIMER ? timers : states;
        RestoredStore existing = byName.get(name);
        if (existing == null) {
            existing = new RestoredStore(name, kind, signature);
            byName.put(name, existing);
        } else if (existing.kind != kind || !existing.signature.equals(signature)) {
            throw new IllegalStateException("operator '" + operatorName + "': state '" + name + "' is a " + kind.label()
                    + " store [" + signature + "] in keyed state file '" + file + "' but a " + existing.kind.label()
                    + " store [" + existing.signature + "] in another file of the same restore");
        }
        return existing;
    }

    private void readBlock(Cursor cursor, int keyGroup, long offset, RestoredStore[] stores) throws IOException {
        cursor.skipTo(offset, keyGroup);
        byte[] header = cursor.read(HeapSnapshotFormat.BLOCK_HEADER_LENGTH, "block header", keyGroup);
        int writtenKeyGroup = readInt(header, HeapSnapshotFormat.KEY_GROUP_OFFSET);
        int length = readInt(header, HeapSnapshotFormat.UNCOMPRESSED_LENGTH_OFFSET);
        int compressedLength = readInt(header, HeapSnapshotFormat.COMPRESSED_LENGTH_OFFSET);
        if (writtenKeyGroup != keyGroup) {
            throw cursor.corrupt(keyGroup, "the block at offset " + offset + " is of key group " + writtenKeyGroup);
        }
        if (length < 0 || compressedLength < 0 || length > HeapSnapshotFormat.MAX_LENGTH
                || (length == 0) != (compressedLength == 0)) {
            throw cursor.corrupt(keyGroup, "implausible block lengths " + compressedLength + " (compressed) and "
                    + length + " (uncompressed)");
        }
        if (length == 0) {
            return;
        }
        byte[] compressed = cursor.read(compressedLength, "block", keyGroup);
        byte[] block = new byte[length];
        int decompressed;
        try {
            decompressed = decompressor.decompress(compressed, 0, compressedLength, block, 0, length);
        } catch (LZ4Exception e) {
            throw cursor.corrupt(keyGroup, "the lz4 block cannot be decompressed (" + e.getMessage() + ")");
        }
        if (decompressed != length) {
            throw cursor.corrupt(keyGroup, "the block decompressed to " + decompressed + " bytes, " + length
                    + " were written");
        }
        CRC32C crc = new CRC32C();
        crc.update(block, 0, length);
        if ((int) crc.getValue() != readInt(header, HeapSnapshotFormat.CHECKSUM_OFFSET)) {
            throw cursor.corrupt(keyGroup, "checksum mismatch: the file is corrupt");
        }
        try {
            readSections(block, keyGroup, stores, cursor.file);
        } catch (RuntimeException e) {
            throw cursor.corrupt(keyGroup, "malformed block: " + e.getMessage());
        }
    }

    private static void readSections(byte[] block, int keyGroup, RestoredStore[] stores, String file) {
        ByteArrayCodecInput in = new ByteArrayCodecInput(block);
        int sections = in.readVarInt();
        int position = in.position();
        for (int i = 0; i < sections; i++) {
            in.reset(block, position, block.length - position);
            int store = in.readVarInt();
            int count = in.readVarInt();
            int length = in.readInt();
            if (store < 0 || store >= stores.length || count < 0 || length < 0 || length > in.remaining()) {
                throw new IllegalStateException("section " + i + " is malformed (store " + store + ", " + count
                        + " entries, " + length + " bytes)");
            }
            position += in.position();
            stores[store].add(new RestoredStore.Section(keyGroup, block, position, length, count, file));
            position += length;
        }
    }

    /** Reads a file forward, knowing its position; errors name the file and the key group. */
    private static final class Cursor {
        private final InputStream in;
        final String file;
        private long position;

        Cursor(InputStream in, String file) {
            this.in = in;
            this.file = file;
        }

        byte[] read(int length, String what, int keyGroup) throws IOException {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw corrupt(keyGroup, "truncated: its " + what + " at offset " + position + " needs " + length
                        + " bytes, the file has " + bytes.length);
            }
            position += length;
            return bytes;
        }

        void skipTo(long offset, int keyGroup) throws IOException {
            if (offset < position) {
                throw corrupt(keyGroup, "its offset " + offset + " lies before the end of the data read so far ("
                        + position + ")");
            }
            try {
                in.skipNBytes(offset - position);
            } catch (EOFException e) {
                throw corrupt(keyGroup, "truncated: the file ends before offset " + offset);
            }
            position = offset;
        }

        IOException corrupt(int keyGroup, String why) {
            return new IOException("heap snapshot file '" + file + "'" + (keyGroup < 0 ? "" : ", key group " + keyGroup)
                    + ": " + why);
        }
    }
}
