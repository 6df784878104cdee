package io.weir.state.heap;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The layout of a heap snapshot file: one file per operator subtask and checkpoint. Integers in the
 * fixed-size headers are big-endian; var-ints and strings are those of {@link io.weir.api.codec.CodecOutput}.
 *
 * <pre>
 * file:
 * +--------+--------+---------+-------------+---------------------+--------------------+-----+-------------------+
 * | header                                                        | block of key group | ... | block of key group|
 * | magic  | version| length  | crc32c      | payload             | range.first        |     | range.last        |
 * | int    | int    | int     | of payload  | (length bytes)      |                    |     |                   |
 * +--------+--------+---------+-------------+---------------------+--------------------+-----+-------------------+
 *
 * header payload: keyCodec signature (string) | maxParallelism (var-int) | first key group (var-int) |
 *                 last key group (var-int) | store count (var-int) | per store: kind (byte) | name (string) |
 *                 codec signature (string)
 *
 * block (one per key group of the range, in order; the handle keeps each block's offset):
 * 0           4                   8                 12           16
 * +-----------+-------------------+-----------------+------------+------------------------------+
 * | keyGroup  | uncompressed len  | compressed len  | crc32c of  | lz4 block (compressed len)   |
 * | int       | int               | int             | uncompressed bytes | absent when len is 0 |
 * +-----------+-------------------+-----------------+------------+------------------------------+
 *
 * uncompressed block: section count (var-int), then per section (one per store with entries in the
 * key group): store index into the header (var-int) | entry count (var-int) | byte length (int) | entries
 *
 * entries, through the stores' codecs (key with the backend's key codec):
 *   value: key | namespace | value
 *   list:  key | namespace | element count (var-int) | elements
 *   map:   key | namespace | entry count (var-int) | (map key | map value)*
 *   timer: key | namespace | timestamp (long)
 * </pre>
 */
final class HeapSnapshotFormat {
    /** "WHKS": Weir heap keyed state. */
    static final int MAGIC = 0x57484B53;
    static final int VERSION = 1;
    /** magic, version, payload length, crc32c. */
    static final int FILE_HEADER_LENGTH = 16;
    static final int BLOCK_HEADER_LENGTH = 16;
    static final int KEY_GROUP_OFFSET = 0;
    static final int UNCOMPRESSED_LENGTH_OFFSET = 4;
    static final int COMPRESSED_LENGTH_OFFSET = 8;
    static final int CHECKSUM_OFFSET = 12;
    /** A section's byte length is an int after its index and count. */
    static final int SECTION_LENGTH_BYTES = 4;
    /** An upper bound on any length read from a file, so that a corrupt length fails before allocating. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    /** The backend name in {@link io.weir.spi.state.KeyedStateHandle#backend()}. */
    static final String BACKEND = HeapStateBackendFactory.NAME;

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private HeapSnapshotFormat() {
    }

    static LZ4Compressor compressor() {
        return LZ4.fastCompressor();
    }

    /** The decompressor that never reads or writes out of bounds, whatever the input (corrupt files). */
    static LZ4SafeDecompressor decompressor() {
        return LZ4.safeDecompressor();
    }

    static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
