package io.weir.api.codec;

/**
 * Encodes strings to UTF-8 straight into a byte array, without the temporary array that
 * {@link String#getBytes} allocates. The bytes are exactly those of {@code getBytes(UTF_8)},
 * including its replacement of an unpaired surrogate by {@code '?'}, so either side of a stream may
 * use either method.
 */
final class Utf8 {
    private static final byte REPLACEMENT = '?';

    private Utf8() {
    }

    /** The number of bytes {@link #encode} writes for {@code s}. */
    static int encodedLength(String s) {
        int length = s.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 2 chars -> 4 bytes
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 0; // unpaired surrogate -> '?'
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Writes {@code s} as UTF-8 into {@code target} from {@code offset}; returns the offset after the last byte. */
    static int encode(String s, byte[] target, int offset) {
        int length = s.length();
        int p = offset;
        int i = 0;
        while (i < length) { // ASCII fast path
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            target[p++] = (byte) c;
            i++;
        }
        for (; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                target[p++] = (byte) c;
            } else if (c < 0x800) {
                target[p++] = (byte) (0xC0 | (c >> 6));
                target[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                target[p++] = (byte) (0xF0 | (cp >> 18));
                target[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                target[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                target[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                target[p++] = REPLACEMENT;
            } else {
                target[p++] = (byte) (0xE0 | (c >> 12));
                target[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                target[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }
}
