package io.weir.api.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * The codec derived for a Java record: its components in declaration order, primitives written
 * directly (no presence byte, no boxing), references through their codecs (which accept null).
 *
 * <p>The whole record is one pair of method handles built once from the accessors and the
 * canonical constructor: {@code encoder} is {@code (Object record, CodecOutput)void}, calling each
 * accessor and writing its result in turn; {@code decoder} is {@code (CodecInput)Object}, reading
 * each component in turn (folded into the constructor's arguments) and calling the constructor.
 * Primitive components stay primitive all the way (accessor {@code ()int} feeds
 * {@code CodecOutput.writeInt(int)}, {@code CodecInput.readInt()} feeds the constructor's
 * {@code int} parameter), so neither direction allocates anything but the decoded record and its
 * reference-typed components.
 *
 * <p>Invoked from a field, the handles are opaque to the JIT (one indirect call per component).
 * {@link RecordCodecSpinner} therefore makes, per record, a hidden subclass whose {@code encode} and
 * {@code decode} load the two handles as constants, which lets the JIT inline the accessors, the
 * constructor and the writes into one method; this class is the fallback when that fails.
 */
class RecordCodec<R> implements Codec<R> {
    private static final MethodHandle ENCODE;
    private static final MethodHandle DECODE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ENCODE = lookup.findVirtual(Codec.class, "encode",
                    MethodType.methodType(void.class, Object.class, CodecOutput.class));
            DECODE = lookup.findVirtual(Codec.class, "decode", MethodType.methodType(Object.class, CodecInput.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Class<R> type;
    private final MethodHandle encoder;
    private final MethodHandle decoder;
    private final int fixedSize;

    RecordCodec(Class<R> type, MethodHandle encoder, MethodHandle decoder, int fixedSize) {
        this.type = type;
        this.encoder = encoder;
        this.decoder = decoder;
        this.fixedSize = fixedSize;
    }

    /**
     * Builds the codec of record {@code type}. {@code codecs[i]} is the codec of component
     * {@code i}, which must accept null, or {@code null} when the component is primitive.
     *
     * @throws CodecException when the record's members cannot be accessed or it has too many components
     */
    static <R> Codec<R> create(Class<R> type, Codec<?>[] codecs) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            int fixedSize = 0;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                fixedSize = fixedSize < 0 || !types[i].isPrimitive() ? -1 : fixedSize + primitiveSize(types[i]);
            }
            MethodHandle encoder =
                    MethodHandles.empty(MethodType.methodType(void.class, Object.class, CodecOutput.class));
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
            MethodHandle decoder = MethodHandles.dropArguments(
                    constructor.asType(constructor.type().changeReturnType(Object.class)),
                    types.length, CodecInput.class);
            for (int i = components.length - 1; i >= 0; i--) {
                MethodHandle accessor = lookup.unreflect(components[i].getAccessor());
                // the outermost fold runs first, so folding from the last component gives declaration order
                encoder = MethodHandles.foldArguments(encoder, writer(accessor, types[i], codecs[i]));
                decoder = MethodHandles.foldArguments(decoder, i, reader(types[i], codecs[i]));
            }
            return RecordCodecSpinner.spin(type, encoder, decoder, fixedSize);
        } catch (IllegalAccessException e) {
            throw new CodecException("cannot access the members of record " + type.getName()
                    + ": its module must open the package to Weir, or register a codec for it", e);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new CodecException("cannot derive a codec for record " + type.getName() + " (" + e.getMessage()
                    + "): register one with StreamEnvironment.registerCodec(" + type.getSimpleName()
                    + ".class, codec)", e);
        }
    }

    /** {@code (Object record, CodecOutput)void} writing one component. */
    private static MethodHandle writer(MethodHandle accessor, Class<?> type, Codec<?> codec)
            throws ReflectiveOperationException {
        if (!type.isPrimitive()) {
            MethodHandle write = ENCODE.bindTo(codec);
            return MethodHandles.filterArguments(write, 0,
                    accessor.asType(MethodType.methodType(Object.class, Object.class)));
        }
        // byte, short and char go through writeByte/Short/Char(int): asType widens them
        Class<?> parameter = type == byte.class || type == short.class || type == char.class ? int.class : type;
        MethodHandle write = MethodHandles.publicLookup().findVirtual(CodecOutput.class, "write" + capitalized(type),
                MethodType.methodType(void.class, parameter));
        MethodHandle swapped = MethodHandles.permuteArguments(write,
                MethodType.methodType(void.class, parameter, CodecOutput.class), 1, 0);
        return MethodHandles.filterArguments(swapped, 0,
                accessor.asType(MethodType.methodType(parameter, Object.class)));
    }

    /** {@code (CodecInput)T} reading one component. */
    private static MethodHandle reader(Class<?> type, Codec<?> codec) throws ReflectiveOperationException {
        if (!type.isPrimitive()) {
            return DECODE.bindTo(codec).asType(MethodType.methodType(type, CodecInput.class));
        }
        return MethodHandles.publicLookup().findVirtual(CodecInput.class, "read" + capitalized(type),
                MethodType.methodType(type));
    }

    private static String capitalized(Class<?> primitive) {
        String name = primitive.getName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static int primitiveSize(Class<?> primitive) {
        return primitive == boolean.class || primitive == byte.class ? 1
                : primitive == short.class || primitive == char.class ? 2
                : primitive == int.class || primitive == float.class ? 4
                : 8;
    }

    final MethodHandle encoder() {
        return encoder;
    }

    final MethodHandle decoder() {
        return decoder;
    }

    @Override
    public void encode(R value, CodecOutput out) {
        try {
            encoder.invokeExact((Object) value, out);
        } catch (Throwable t) {
            throw encodeFailure(t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public R decode(CodecInput in) {
        try {
            return (R) (Object) decoder.invokeExact(in);
        } catch (Throwable t) {
            throw decodeFailure(t);
        }
    }

    /** What {@code encode} throws when the handle threw {@code t} (also called by spun subclasses). */
    final RuntimeException encodeFailure(Throwable t) {
        return switch (t) {
            case RuntimeException e -> e;
            case Error e -> throw e;
            default -> new CodecException("cannot encode record " + type.getName() + ": " + t, t);
        };
    }

    /** What {@code decode} throws when the handle threw {@code t} (also called by spun subclasses). */
    final RuntimeException decodeFailure(Throwable t) {
        return switch (t) {
            case CodecException e -> e;
            case Error e -> throw e;
            default -> new CodecException("cannot decode record " + type.getName() + ": " + t, t);
        };
    }

    @Override
    public int fixedSize() {
        return fixedSize;
    }

    @Override
    public String toString() {
        return "RecordCodec[" + type.getName() + "]";
    }
}
