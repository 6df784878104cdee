package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecOutput;

import java.util.Arrays;

/**
 * The layout of RocksDB rows (one column family per store). The key group comes first, big-endian, so
 * that the rows of a range of key groups are one contiguous range of row keys; lengths are var-ints
 * ({@link io.weir.api.codec.CodecOutput#writeVarInt}), so that a prefix of a row never reads as another
 * row's prefix whatever the codecs write.
 *
 * <pre>
 * value / list row:  +-----------+-----------+-----+-----------+-----------+
 *                    | key group | key len   | key | ns len    | namespace |     value: the value codec's bytes
 *                    | u16 BE    | var-int   |     | var-int   |           |     list:  (len var-int | element)*
 *                    +-----------+-----------+-----+-----------+-----------+
 * map row:           | key group | key len | key | ns len | namespace | map key |  value: the map value codec's bytes
 * timer row:         +-----------+------------------+---------+-----+--------+-----------+
 *                    | key group | timestamp        | key len | key | ns len | namespace |  value: empty
 *                    | u16 BE    | i64 BE, sign bit |         |     |        |           |
 *                    |           | flipped          |         |     |        |           |
 *                    +-----------+------------------+---------+-----+--------+-----------+
 * </pre>
 *
 * A state store's namespace bytes start with a tag ({@link NamespaceEncoding}); a timer's are those of
 * the timer store's namespace codec.
 * Flipping the timestamp's sign bit makes unsigned byte order equal to numeric order, so the timers of
 * a key group iterate in timestamp order. Rows compare as unsigned bytes ({@link #compare}).
 */
final class RowLayout {
    static final int KEY_GROUP_BYTES = 2;
    static final int TIMESTAMP_BYTES = 8;
    /** The largest number of key groups a row can name. */
    static final int MAX_KEY_GROUPS = 1 << 16;

    private RowLayout() {
    }

    /** Writes a key group prefix. */
    static void writeKeyGroup(ByteArrayCodecOutput out, int keyGroup) {
        out.writeByte(keyGroup >>> 8);
        out.writeByte(keyGroup);
    }

    /** The key group of a row. */
    static int keyGroup(byte[] row) {
        return ((row[0] & 0xFF) << 8) | (row[1] & 0xFF);
    }

    /** The 2-byte prefix of every row of {@code keyGroup}. */
    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[]{(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    /** Writes a timestamp so that unsigned byte order is numeric order. */
    static void writeTimestamp(ByteArrayCodecOutput out, long timestamp) {
        out.writeLong(timestamp ^ Long.MIN_VALUE);
    }

    /** The timestamp of a timer row. */
    static long timestamp(byte[] row) {
        long v = 0;
        for (int i = KEY_GROUP_BYTES; i < KEY_GROUP_BYTES + TIMESTAMP_BYTES; i++) {
            v = (v << 8) | (row[i] & 0xFF);
        }
        return v ^ Long.MIN_VALUE;
    }

    /** The row of a timer, from its encoded key and namespace. */
    static byte[] timerRow(ByteArrayCodecOutput out, int keyGroup, long timestamp, byte[] key, int keyLength,
                           byte[] namespace, int namespaceLength) {
        out.reset();
        writeKeyGroup(out, keyGroup);
        writeTimestamp(out, timestamp);
        writeSized(out, key, 0, keyLength);
        writeSized(out, namespace, 0, namespaceLength);
        return out.toByteArray();
    }

    /** Writes {@code length} bytes of {@code bytes} with a var-int length before them. */
    static void writeSized(ByteArrayCodecOutput out, byte[] bytes, int offset, int length) {
        out.writeVarInt(length);
        out.writeBytes(bytes, offset, length);
    }

    /** The offset of the key length in a state row. */
    static final int STATE_KEY_OFFSET = KEY_GROUP_BYTES;
    /** The offset of the key length in a timer row. */
    static final int TIMER_KEY_OFFSET = KEY_GROUP_BYTES + TIMESTAMP_BYTES;

    /**
     * Where the key, the namespace and the rest (a map key) of one row are; {@link #parse} fills it.
     * Reusable, not thread-safe.
     */
    static final class Parts {
        int keyOffset;
        int keyLength;
        int namespaceOffset;
        int namespaceLength;
        /** The offset after the namespace: a map row's map key starts here. */
        int restOffset;

        /**
         * Parses the key and namespace of {@code row} from {@code from} ({@link #STATE_KEY_OFFSET} or
         * {@link #TIMER_KEY_OFFSET}).
         *
         * @throws IllegalStateException if the row is malformed
         */
        Parts parse(byte[] row, int from) {
            int p = from;
            keyLength = readVarInt(row, p);
            p += varIntSize(keyLength);
            keyOffset = p;
            p += keyLength;
            namespaceLength = readVarInt(row, p);
            p += varIntSize(namespaceLength);
            namespaceOffset = p;
            restOffset = p + namespaceLength;
            if (keyLength < 0 || namespaceLength < 0 || restOffset > row.length) {
                throw new IllegalStateException("malformed row of " + row.length + " bytes");
            }
            return this;
        }
    }

    /** Reads a var-int at {@code offset}. */
    static int readVarInt(byte[] bytes, int offset) {
        int value = 0;
        for (int shift = 0, p = offset; shift < 35 && p < bytes.length; shift += 7, p++) {
            int b = bytes[p];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed var-int at offset " + offset);
    }

    /** How many bytes {@link io.weir.api.codec.CodecOutput#writeVarInt} writes for {@code value}. */
    static int varIntSize(int value) {
        int size = 1;
        while ((value & ~0x7F) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    /** Whether {@code row} starts with the first {@code length} bytes of {@code prefix}. */
    static boolean startsWith(byte[] row, byte[] prefix, int length) {
        return row.length >= length && Arrays.equals(row, 0, length, prefix, 0, length);
    }

    /** Unsigned lexicographic order of rows, RocksDB's default comparator. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /**
     * The smallest row key greater than every row starting with the first {@code length} bytes of
     * {@code prefix}, or {@code null} when there is none (the prefix is all 0xFF).
     */
    static byte[] successor(byte[] prefix, int length) {
        byte[] next = Arrays.copyOf(prefix, length);
        for (int i = length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xFF) {
                next[i]++;
                return Arrays.copyOf(next, i + 1);
            }
        }
        return null;
    }
}
