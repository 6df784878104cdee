package io.weir.api.codec;

import java.lang.reflect.Array;

/**
 * Codecs for arrays: the primitive arrays (length as a var-int, then the elements) and arrays of
 * references (length, then each element through a nullable element codec). Stateless except for
 * the element codec; they refuse a {@code null} array.
 */
final class ArrayCodecs {
    private ArrayCodecs() {
    }

    /**
     * Reads a length prefix and checks it before anything is allocated for it: negative, or longer
     * than the bytes left in a {@link ByteArrayCodecInput}, is a {@link CodecException} rather than
     * a huge allocation.
     */
    static int readLength(CodecInput in, int minBytesPerElement, String what) {
        int length = in.readVarInt();
        if (length < 0) {
            throw new CodecException("malformed " + what + ": negative length " + length);
        }
        if (in instanceof ByteArrayCodecInput heap) {
            heap.require((long) length * minBytesPerElement);
        }
        return length;
    }

    static final class ByteArrayCodec implements Codec<byte[]> {
        static final ByteArrayCodec INSTANCE = new ByteArrayCodec();

        @Override
        public void encode(byte[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            out.writeBytes(value, 0, value.length);
        }

        @Override
        public byte[] decode(CodecInput in) {
            byte[] value = new byte[readLength(in, 1, "byte[]")];
            in.readBytes(value, 0, value.length);
            return value;
        }
    }

    static final class BooleanArrayCodec implements Codec<boolean[]> {
        static final BooleanArrayCodec INSTANCE = new BooleanArrayCodec();

        @Override
        public void encode(boolean[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (boolean v : value) {
                out.writeBoolean(v);
            }
        }

        @Override
        public boolean[] decode(CodecInput in) {
            boolean[] value = new boolean[readLength(in, 1, "boolean[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readBoolean();
            }
            return value;
        }
    }

    static final class ShortArrayCodec implements Codec<short[]> {
        static final ShortArrayCodec INSTANCE = new ShortArrayCodec();

        @Override
        public void encode(short[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (short v : value) {
                out.writeShort(v);
            }
        }

        @Override
        public short[] decode(CodecInput in) {
            short[] value = new short[readLength(in, Short.BYTES, "short[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readShort();
            }
            return value;
        }
    }

    static final class CharArrayCodec implements Codec<char[]> {
        static final CharArrayCodec INSTANCE = new CharArrayCodec();

        @Override
        public void encode(char[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (char v : value) {
                out.writeChar(v);
            }
        }

        @Override
        public char[] decode(CodecInput in) {
            char[] value = new char[readLength(in, Character.BYTES, "char[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readChar();
            }
            return value;
        }
    }

    static final class IntArrayCodec implements Codec<int[]> {
        static final IntArrayCodec INSTANCE = new IntArrayCodec();

        @Override
        public void encode(int[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (int v : value) {
                out.writeInt(v);
            }
        }

        @Override
        public int[] decode(CodecInput in) {
            int[] value = new int[readLength(in, Integer.BYTES, "int[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readInt();
            }
            return value;
        }
    }

    static final class LongArrayCodec implements Codec<long[]> {
        static final LongArrayCodec INSTANCE = new LongArrayCodec();

        @Override
        public void encode(long[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (long v : value) {
                out.writeLong(v);
            }
        }

        @Override
        public long[] decode(CodecInput in) {
            long[] value = new long[readLength(in, Long.BYTES, "long[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readLong();
            }
            return value;
        }
    }

    static final class FloatArrayCodec implements Codec<float[]> {
        static final FloatArrayCodec INSTANCE = new FloatArrayCodec();

        @Override
        public void encode(float[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (float v : value) {
                out.writeFloat(v);
            }
        }

        @Override
        public float[] decode(CodecInput in) {
            float[] value = new float[readLength(in, Float.BYTES, "float[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readFloat();
            }
            return value;
        }
    }

    static final class DoubleArrayCodec implements Codec<double[]> {
        static final DoubleArrayCodec INSTANCE = new DoubleArrayCodec();

        @Override
        public void encode(double[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (double v : value) {
                out.writeDouble(v);
            }
        }

        @Override
        public double[] decode(CodecInput in) {
            double[] value = new double[readLength(in, Double.BYTES, "double[]")];
            for (int i = 0; i < value.length; i++) {
                value[i] = in.readDouble();
            }
            return value;
        }
    }

    /** An array of references ({@code String[]}, {@code Point[]}, ...); elements may be null. */
    static final class ObjectArrayCodec<E> implements Codec<E[]> {
        private final Class<E> componentType;
        private final Codec<E> elements;

        /** {@code elements} must accept null (see {@link NullableCodec}). */
        ObjectArrayCodec(Class<E> componentType, Codec<E> elements) {
            this.componentType = componentType;
            this.elements = elements;
        }

        @Override
        public void encode(E[] value, CodecOutput out) {
            out.writeVarInt(value.length);
            for (E v : value) {
                elements.encode(v, out);
            }
        }

        @Override
        public E[] decode(CodecInput in) {
            @SuppressWarnings("unchecked")
            E[] value = (E[]) Array.newInstance(componentType, readLength(in, 1, componentType.getName() + "[]"));
            for (int i = 0; i < value.length; i++) {
                value[i] = elements.decode(in);
            }
            return value;
        }
    }
}
