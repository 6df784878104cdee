package io.weir.state.rocksdb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * The layouts of the RocksDB backend's snapshot files. Integers in fixed headers are big-endian; var-ints
 * and strings are those of {@link io.weir.api.codec.CodecOutput}. Every file starts with a frame:
 *
 * <pre>
 * frame:  +--------+---------+---------+----------------+---------------------+
 *         | magic  | version | length  | crc32c of      | payload             |
 *         | int    | int     | int     | payload (int)  | (length bytes)      |
 *         +--------+---------+---------+----------------+---------------------+
 *
 * incremental checkpoint, magic "WRKI" (one small file; the SST files are shared files of their own):
 *   payload: key codec signature (string) | max parallelism (var-int) | first key group | last key group |
 *            SST count (var-int) | per SST: local name (string) | shared path (string) | size (long) |
 *            private file count | per file: name (string) | length (var-int) | bytes |
 *            heap timer store count | per store: catalog entry | row count (var-int) | per row: length | row
 *
 * full snapshot (savepoints; self-contained, rescalable), magic "WRKF":
 *   payload: key codec signature | max parallelism | first key group | last key group |
 *            store count (var-int) | per store: catalog entry (kind byte | name | codec signature)
 *   then one block per key group of the range, in order (the handle keeps the offset of each):
 *   +-----------+----------------------------------------------+-------------------------+
 *   | keyGroup  | chunk: length (int) | crc32c (int) | payload | ... | 0 (int) | 0 (int) |
 *   +-----------+----------------------------------------------+-------------------------+
 *   chunk payload (at most about CHUNK bytes): per row: store index (var-int) | row length (var-int) |
 *                                              row without its key group | value length (var-int) | value
 * </pre>
 *
 * Catalog entries are those of {@link Catalog#write}; rows those of {@link RowLayout}. A file whose frame or
 * chunk does not match its length or checksum is refused with an {@link IOException} naming the file (and
 * the key group).
 */
final class SnapshotFormat {
    /** "WRKI": Weir RocksDB keyed state, incremental. */
    static final int INCREMENTAL_MAGIC = 0x57524B49;
    /** "WRKF": Weir RocksDB keyed state, full. */
    static final int FULL_MAGIC = 0x57524B46;
    static final int VERSION = 1;
    static final int FRAME_HEADER_LENGTH = 16;
    /** The size a chunk of a full snapshot's block is cut at. */
    static final int CHUNK = 1 << 20;
    /** An upper bound on a frame or chunk, so that a corrupt length fails before allocating. */
    static final int MAX_LENGTH = 1 << 30;
    /** The backend name in {@link io.weir.spi.state.KeyedStateHandle#backend()}. */
    static final String BACKEND = RocksDbStateBackendFactory.NAME;

    private SnapshotFormat() {
    }

    /** Writes a frame; returns the bytes written. */
    static int writeFrame(OutputStream out, int magic, byte[] payload, int length) throws IOException {
        writeInt(out, magic);
        writeInt(out, VERSION);
        writeInt(out, length);
        writeInt(out, crc(payload, length));
        out.write(payload, 0, length);
        return FRAME_HEADER_LENGTH + length;
    }

    /** A frame that was read: its magic and payload. */
    record Frame(int magic, byte[] payload) {
        int size() {
            return FRAME_HEADER_LENGTH + payload.length;
        }
    }

    /** Reads the frame at the start of a snapshot file. */
    static Frame readFrame(InputStream in, String file) throws IOException {
        byte[] header = readFully(in, FRAME_HEADER_LENGTH, file, "frame header", -1);
        int magic = readInt(header, 0);
        if (magic != INCREMENTAL_MAGIC && magic != FULL_MAGIC) {
            throw corrupt(file, -1, "not a RocksDB snapshot file (magic 0x" + Integer.toHexString(magic) + ")");
        }
        int version = readInt(header, 4);
        if (version != VERSION) {
            throw corrupt(file, -1, "unsupported format version " + version + " (this build reads " + VERSION + ")");
        }
        int length = readInt(header, 8);
        if (length < 0 || length > MAX_LENGTH) {
            throw corrupt(file, -1, "implausible header length " + length);
        }
        byte[] payload = readFully(in, length, file, "header", -1);
        if (crc(payload, length) != readInt(header, 12)) {
            throw corrupt(file, -1, "header checksum mismatch: the file is corrupt");
        }
        return new Frame(magic, payload);
    }

    static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    /** Exactly {@code length} bytes, or an error naming what was truncated. */
    static byte[] readFully(InputStream in, int length, String file, String what, int keyGroup) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw corrupt(file, keyGroup, "truncated: its " + what + " needs " + length + " bytes, the file has "
                    + bytes.length + " left");
        }
        return bytes;
    }

    /** Skips {@code count} bytes, or fails naming the file. */
    static void skip(InputStream in, long count, String file, int keyGroup) throws IOException {
        try {
            in.skipNBytes(count);
        } catch (EOFException e) {
            throw corrupt(file, keyGroup, "truncated: the file ends before the key group's block");
        }
    }

    static IOException corrupt(String file, int keyGroup, String why) {
        return new IOException("RocksDB snapshot file '" + file + "'" + (keyGroup < 0 ? "" : ", key group " + keyGroup)
                + ": " + why);
    }
}
