package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;

import java.util.Objects;

/**
 * How one record is stored as the payload of a queue document (the bytes after the document's header, see
 * {@link DocumentDescriptor}): UTF-8 text, raw bytes, or the bytes of a {@link Codec} (big-endian, exactly what
 * {@link io.weir.api.codec.Codecs#toBytes} gives, so that other tools can decode them). The payload's length is
 * the document's, so no length prefix is written.
 *
 * <pre>{@code
 * RecordFormat.strings();                         // String, UTF-8
 * RecordFormat.bytes();                           // byte[] as they are
 * RecordFormat.derived(Order.class);              // a record/enum: codec derived by a portable CodecRegistry
 * RecordFormat.codec(Order.class, myOrderCodec);  // any codec, for example from the job's CodecRegistry
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable; codecs are thread-safe by their contract.
 *
 * @param <T> record type
 */
@Evolving
public sealed interface RecordFormat<T> permits RecordFormat.Utf8, RecordFormat.RawBytes, RecordFormat.WithCodec {

    /** The class of the records. */
    Class<T> type();

    /** Strings as UTF-8 bytes. */
    static RecordFormat<String> strings() {
        return Utf8.INSTANCE;
    }

    /** Byte arrays, stored as they are. */
    static RecordFormat<byte[]> bytes() {
        return RawBytes.INSTANCE;
    }

    /** Values of {@code type} encoded with {@code codec}. */
    static <T> RecordFormat<T> codec(Class<T> type, Codec<T> codec) {
        return new WithCodec<>(type, codec);
    }

    /**
     * Values of {@code type} with the codec that a {@linkplain CodecRegistry#portable() portable}
     * {@link CodecRegistry} finds or derives for it (records, enums, primitives' boxes, strings, arrays, ...).
     *
     * @throws io.weir.api.codec.CodecException naming the part of {@code type} that has no codec
     */
    static <T> RecordFormat<T> derived(Class<T> type) {
        return new WithCodec<>(type, new CodecRegistry().portable().requireCodec(type, "the chronicle connector"));
    }

    /** UTF-8 strings. */
    enum Utf8 implements RecordFormat<String> {
        /** The only instance. */
        INSTANCE;

        @Override
        public Class<String> type() {
            return String.class;
        }

        @Override
        public String toString() {
            return "string";
        }
    }

    /** Raw bytes. */
    enum RawBytes implements RecordFormat<byte[]> {
        /** The only instance. */
        INSTANCE;

        @Override
        public Class<byte[]> type() {
            return byte[].class;
        }

        @Override
        public String toString() {
            return "bytes";
        }
    }

    /**
     * Values encoded by a codec.
     *
     * @param type  record class
     * @param codec its codec; what it writes must be decodable in another JVM (use a portable registry's codecs)
     * @param <T>   record type
     */
    record WithCodec<T>(Class<T> type, Codec<T> codec) implements RecordFormat<T> {
        public WithCodec {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(codec, "codec");
        }

        @Override
        public String toString() {
            return "codec(" + type.getName() + ")";
        }
    }
}
