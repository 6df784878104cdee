package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How a state store encodes namespaces: a tag byte, then the bytes of the store's declared namespace codec
 * ({@link #DECLARED}) or, for a namespace that codec cannot encode, of the portable dynamic codec
 * ({@link #DYNAMIC}). One state name may be used both as plain state (the runtime's void namespace) and
 * as namespaced state (windows), while the store keeps the codecs it was declared with first; the heap
 * backend, which keeps objects, allows that, and so must this one. Which codec a class takes is decided on
 * its first namespace and remembered.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one per store.
 *
 * @param <N> the namespace type
 */
final class NamespaceEncoding<N> {
    static final byte DECLARED = 0;
    static final byte DYNAMIC = 1;

    private final Codec<N> declared;
    private final Codec<Object> dynamic;
    private final Map<Class<?>, Boolean> usesDeclared = new IdentityHashMap<>();
    private final ByteArrayCodecOutput scratch = new ByteArrayCodecOutput(32);

    NamespaceEncoding(Codec<N> declared, Codec<Object> dynamic) {
        this.declared = declared;
        this.dynamic = dynamic;
    }

    /** The encoding of {@code namespace}: its tag, then its bytes. */
    byte[] encode(N namespace) {
        Boolean known = usesDeclared.get(namespace.getClass());
        if (known == null || known) {
            scratch.reset();
            scratch.writeByte(DECLARED);
            try {
                declared.encode(namespace, scratch);
                usesDeclared.putIfAbsent(namespace.getClass(), Boolean.TRUE);
                return scratch.toByteArray();
            } catch (RuntimeException e) {
                if (known != null) {
                    throw e;
                }
                usesDeclared.put(namespace.getClass(), Boolean.FALSE);
            }
        }
        scratch.reset();
        scratch.writeByte(DYNAMIC);
        dynamic.encode(namespace, scratch);
        return scratch.toByteArray();
    }

    /** The namespace encoded in {@code length} bytes of {@code bytes} from {@code offset}. */
    @SuppressWarnings("unchecked")
    N decode(byte[] bytes, int offset, int length) {
        if (length < 1) {
            throw new IllegalStateException("an encoded namespace has no tag");
        }
        ByteArrayCodecInput in = new ByteArrayCodecInput(bytes, offset + 1, length - 1);
        return switch (bytes[offset]) {
            case DECLARED -> declared.decode(in);
            case DYNAMIC -> (N) dynamic.decode(in);
            default -> throw new IllegalStateException("unknown namespace tag " + bytes[offset]);
        };
    }
}
