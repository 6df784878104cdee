package io.weir.api.codec;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA_AT;
import static java.lang.constant.ConstantDescs.CD_Class;
import static java.lang.constant.ConstantDescs.CD_MethodHandle;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_Throwable;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.List;

/**
 * Makes the fast form of a {@link RecordCodec}: a hidden subclass, one per record, whose
 * {@code encode} and {@code decode} call the record's two method handles loaded as constants
 * ({@code ldc} of {@link MethodHandles#classDataAt class data}). A constant handle is what lets the
 * JIT inline through it, so the accessors, the constructor and the writes and reads of every
 * component compile into the one method, with no indirect call left. The generated code is:
 *
 * <pre>{@code
 * final class RecordCodec$Spun extends RecordCodec {
 *     RecordCodec$Spun(Class type, MethodHandle encoder, MethodHandle decoder, int fixedSize) { super(...); }
 *     public void encode(Object value, CodecOutput out) {
 *         try { ENCODER.invokeExact(value, out); } catch (Throwable t) { throw encodeFailure(t); }
 *     }
 *     public Object decode(CodecInput in) {
 *         try { return DECODER.invokeExact(in); } catch (Throwable t) { throw decodeFailure(t); }
 *     }
 * }
 * }</pre>
 *
 * The hidden class is not strongly tied to this class loader: it is unloaded once its codec is
 * unreachable. If it cannot be made, the plain {@link RecordCodec} is returned; it behaves the same.
 * The system property {@code weir.codec.noSpin=true} turns spinning off (to compare, or to debug).
 */
final class RecordCodecSpinner {
    private static final ClassDesc CD_RECORD_CODEC = RecordCodec.class.describeConstable().orElseThrow();
    private static final ClassDesc CD_OUTPUT = CodecOutput.class.describeConstable().orElseThrow();
    private static final ClassDesc CD_INPUT = CodecInput.class.describeConstable().orElseThrow();
    private static final ClassDesc CD_RUNTIME_EXCEPTION = ClassDesc.of("java.lang.RuntimeException");
    private static final MethodTypeDesc CONSTRUCTOR =
            MethodTypeDesc.of(CD_void, CD_Class, CD_MethodHandle, CD_MethodHandle, CD_int);
    private static final MethodTypeDesc FAILURE = MethodTypeDesc.of(CD_RUNTIME_EXCEPTION, CD_Throwable);
    private static final MethodTypeDesc ENCODE = MethodTypeDesc.of(CD_void, CD_Object, CD_OUTPUT);
    private static final MethodTypeDesc DECODE = MethodTypeDesc.of(CD_Object, CD_INPUT);
    private static final DynamicConstantDesc<MethodHandle> ENCODER =
            DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, "_", CD_MethodHandle, 0);
    private static final DynamicConstantDesc<MethodHandle> DECODER =
            DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, "_", CD_MethodHandle, 1);
    /** The bytes are the same for every record: only the class data differs. */
    private static final byte[] CLASS_BYTES = generate();
    private static final boolean ENABLED = !Boolean.getBoolean("weir.codec.noSpin");

    private RecordCodecSpinner() {
    }

    /** The fastest codec for a record with these handles (see {@link RecordCodec}). */
    @SuppressWarnings("unchecked")
    static <R> RecordCodec<R> spin(Class<R> type, MethodHandle encoder, MethodHandle decoder, int fixedSize) {
        if (!ENABLED) {
            return new RecordCodec<>(type, encoder, decoder, fixedSize);
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(
                    CLASS_BYTES, List.of(encoder, decoder), true);
            MethodHandle constructor = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(
                    void.class, Class.class, MethodHandle.class, MethodHandle.class, int.class));
            return (RecordCodec<R>) constructor.invoke(type, encoder, decoder, fixedSize);
        } catch (Throwable e) {
            return new RecordCodec<>(type, encoder, decoder, fixedSize);
        }
    }

    private static byte[] generate() {
        ClassDesc self = ClassDesc.of(RecordCodec.class.getPackageName(), "RecordCodec$Spun");
        return ClassFile.of().build(self, clazz -> clazz
                .withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC)
                .withSuperclass(CD_RECORD_CODEC)
                .withMethodBody(INIT_NAME, CONSTRUCTOR, 0, code -> code
                        .aload(0).aload(1).aload(2).aload(3).iload(4)
                        .invokespecial(CD_RECORD_CODEC, INIT_NAME, CONSTRUCTOR)
                        .return_())
                .withMethodBody("encode", ENCODE, ClassFile.ACC_PUBLIC, code -> code
                        .trying(body -> body
                                        .ldc(ENCODER).aload(1).aload(2)
                                        .invokevirtual(CD_MethodHandle, "invokeExact", ENCODE)
                                        .return_(),
                                handlers -> handlers.catchingAll(handler -> handler
                                        .astore(3).aload(0).aload(3)
                                        .invokevirtual(CD_RECORD_CODEC, "encodeFailure", FAILURE)
                                        .athrow())))
                .withMethodBody("decode", DECODE, ClassFile.ACC_PUBLIC, code -> code
                        .trying(body -> body
                                        .ldc(DECODER).aload(1)
                                        .invokevirtual(CD_MethodHandle, "invokeExact", DECODE)
                                        .areturn(),
                                handlers -> handlers.catchingAll(handler -> handler
                                        .astore(2).aload(0).aload(2)
                                        .invokevirtual(CD_RECORD_CODEC, "decodeFailure", FAILURE)
                                        .athrow()))));
    }
}
