package io.weir.state.heap;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.SnapshotWriter;
import net.jpountz.lz4.LZ4Compressor;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * A heap backend's snapshot: the {@link CapturedStore}s taken at the barrier, written by {@link #write}
 * as one file in the {@link HeapSnapshotFormat} (serialization and lz4 compression happen there, off the
 * task's thread).
 */
final class HeapSnapshot implements KeyedStateSnapshot {
    private final String fileName;
    private final KeyGroupRange range;
    private final int maxParallelism;
    private final Codec<Object> keyCodec;
    private final String keyCodecSignature;
    private final List<CapturedStore> stores;
    private final AtomicBoolean written = new AtomicBoolean();

    HeapSnapshot(String fileName, KeyGroupRange range, int maxParallelism, Codec<Object> keyCodec,
                 String keyCodecSignature, List<CapturedStore> stores) {
        this.fileName = fileName;
        this.range = range;
        this.maxParallelism = maxParallelism;
        this.keyCodec = keyCodec;
        this.keyCodecSignature = keyCodecSignature;
        this.stores = List.copyOf(stores);
    }

    /** Whether no store holds any entry: then no file is written. */
    boolean isEmpty() {
        for (CapturedStore s : stores) {
            for (int g = 0; g < range.size(); g++) {
                if (s.count(g) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public KeyedStateHandle write(SnapshotWriter writer) throws IOException {
        if (!written.compareAndSet(false, true)) {
            throw new IllegalStateException("the heap snapshot " + fileName + " was written already");
        }
        if (isEmpty()) {
            return new KeyedStateHandle(HeapSnapshotFormat.BACKEND, range, null, new long[0], 0);
        }
        long[] offsets = new long[range.size()];
        StateOutputStream out = writer.createStateFile(fileName);
        long position;
        try (out) {
            byte[] header = header();
            out.write(header);
            position = header.length;
            BlockWriter blocks = new BlockWriter();
            for (int g = 0; g < offsets.length; g++) {
                offsets[g] = position;
                position += blocks.write(out, g);
            }
        }
        return new KeyedStateHandle(HeapSnapshotFormat.BACKEND, range, out.handle(), offsets, position);
    }

    private byte[] header() {
        ByteArrayCodecOutput payload = new ByteArrayCodecOutput(256);
        payload.writeString(keyCodecSignature);
        payload.writeVarInt(maxParallelism);
        payload.writeVarInt(range.first());
        payload.writeVarInt(range.last());
        payload.writeVarInt(stores.size());
        for (CapturedStore s : stores) {
            payload.writeByte(s.kind.code());
            payload.writeString(s.name);
            payload.writeString(s.signature);
        }
        CRC32C crc = new CRC32C();
        crc.update(payload.array(), 0, payload.size());
        ByteArrayCodecOutput header = new ByteArrayCodecOutput(HeapSnapshotFormat.FILE_HEADER_LENGTH + payload.size());
        header.writeInt(HeapSnapshotFormat.MAGIC);
        header.writeInt(HeapSnapshotFormat.VERSION);
        header.writeInt(payload.size());
        header.writeInt((int) crc.getValue());
        header.writeBytes(payload.array(), 0, payload.size());
        return header.toByteArray();
    }

    /** Encodes, checksums and compresses one key group's block at a time, reusing its buffers. */
    private final class BlockWriter {
        private final ByteArrayCodecOutput block = new ByteArrayCodecOutput(64 * 1024);
        private final byte[] blockHeader = new byte[HeapSnapshotFormat.BLOCK_HEADER_LENGTH];
        private final LZ4Compressor compressor = HeapSnapshotFormat.compressor();
        private final CRC32C crc = new CRC32C();
        private byte[] compressed = new byte[0];

        /** Writes the block of key group index {@code g}; returns its length in the file. */
        long write(StateOutputStream out, int g) throws IOException {
            block.reset();
            int sections = 0;
            for (CapturedStore s : stores) {
                if (s.count(g) > 0) {
                    sections++;
                }
            }
            if (sections > 0) {
                block.writeVarInt(sections);
                for (int i = 0; i < stores.size(); i++) {
                    CapturedStore s = stores.get(i);
                    int count = s.count(g);
                    if (count == 0) {
                        continue;
                    }
                    block.writeVarInt(i);
                    block.writeVarInt(count);
                    int lengthAt = block.size();
                    block.writeInt(0);
                    s.write(g, block, keyCodec);
                    HeapSnapshotFormat.writeInt(block.array(), lengthAt,
                            block.size() - lengthAt - HeapSnapshotFormat.SECTION_LENGTH_BYTES);
                }
            }
            int length = block.size();
            int compressedLength = 0;
            crc.reset();
            if (length > 0) {
                crc.update(block.array(), 0, length);
                int bound = compressor.maxCompressedLength(length);
                if (compressed.length < bound) {
                    compressed = new byte[bound];
                }
                compressedLength = compressor.compress(block.array(), 0, length, compressed, 0, bound);
            }
            HeapSnapshotFormat.writeInt(blockHeader, HeapSnapshotFormat.KEY_GROUP_OFFSET, range.first() + g);
            HeapSnapshotFormat.writeInt(blockHeader, HeapSnapshotFormat.UNCOMPRESSED_LENGTH_OFFSET, length);
            HeapSnapshotFormat.writeInt(blockHeader, HeapSnapshotFormat.COMPRESSED_LENGTH_OFFSET, compressedLength);
            HeapSnapshotFormat.writeInt(blockHeader, HeapSnapshotFormat.CHECKSUM_OFFSET, (int) crc.getValue());
            out.write(blockHeader);
            out.write(compressed, 0, compressedLength);
            return HeapSnapshotFormat.BLOCK_HEADER_LENGTH + compressedLength;
        }
    }

    @Override
    public String toString() {
        return "HeapSnapshot[" + fileName + ", key groups " + range + ", stores "
                + stores.stream().map(s -> s.kind.label() + " '" + s.name + "'").toList() + "]";
    }
}
