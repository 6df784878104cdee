package io.weir.api.codec;

import io.weir.api.annotation.Stable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codecs of one job, by class: the codecs the user registers, the built-in ones, and the
 * ones derived on first use and cached.
 *
 * <p>{@link #codecFor} answers, in this order: a codec {@linkplain #register registered} for
 * exactly that class (user codecs win, also over built-ins); a built-in; a codec derived earlier;
 * or a new derivation. Built in: {@code boolean, byte, short, char, int, long, float, double} and
 * their boxes, {@code String}, {@code java.time.Instant}, every primitive array. Derived:
 * <ul>
 *   <li>enums, as their ordinal (a var-int);</li>
 *   <li>records, from their components in declaration order, recursively. A component may have any
 *       type this registry supports, including generic ones ({@code List<X>}, {@code Set<X>},
 *       {@code Map<K, V>}, {@code Optional<X>}, {@code X[]}), nested records and the record itself
 *       ({@code record Tree(List<Tree> children)}). Primitive components are written as they are;
 *       reference components may be {@code null} (a presence byte precedes them). A component whose
 *       type is a type variable ({@code record Pair<A, B>(A a, B b)}) goes through the
 *       {@linkplain #dynamicCodec() dynamic codec};</li>
 *   <li>{@code X[]} for a supported {@code X}, elements may be null;</li>
 *   <li>sealed interfaces and classes whose permitted subclasses are supported, as the index of
 *       the subclass (a var-int) and the value;</li>
 *   <li>the raw {@code List}, {@code Set}, {@code Map} and {@code Optional}, their elements through
 *       the dynamic codec.</li>
 * </ul>
 * Collections decode to {@code ArrayList}, {@code LinkedHashSet} and {@code LinkedHashMap}, and
 * their elements may be null.
 *
 * <p><b>Null:</b> a codec returned by {@link #codecFor} refuses {@code null}
 * ({@code encode(null, out)} throws {@link NullPointerException}), because stream elements are
 * never null; wrap it with {@link Codecs#nullable} where null must pass.
 *
 * <p><b>Errors:</b> a type without a codec is a {@link CodecException} naming the type, the part of
 * it that has none and the fix, for example {@code no codec for type com.x.Order (used by sink
 * 'orders'), because Order.customer.address: java.lang.Object has none: register one with
 * StreamEnvironment.registerCodec(Object.class, codec), or make it a record/enum}. In the path,
 * {@code .name} is a record component, {@code [element]}, {@code [key]} and {@code [value]} the
 * parts of an array, collection or optional, and {@code {Circle}} a subclass of a sealed type.
 *
 * <p><b>Format:</b> derived codecs write no schema. The order and types of record components, the
 * order of enum constants and of {@code permits} clauses are the format: changing them makes data
 * written before (checkpoints and savepoints included) unreadable; register a codec of your own
 * for a type whose format must evolve.
 *
 * <p><b>Persistence:</b> the {@linkplain #dynamicCodec() dynamic codec}, and every derived codec that
 * uses it (type variables, raw collections), writes ids local to this JVM. Whatever is persisted
 * (keyed state, checkpoints, savepoints) takes its codecs from the {@linkplain #portable() portable
 * view}, whose derived codecs write class names instead ({@link #portableDynamicCodec()}).
 *
 * <p>A record's members are reached through {@link java.lang.invoke.MethodHandles#privateLookupIn},
 * so a record in a named module needs its package opened to this module. A derived record codec
 * is a small hidden class that holds the record's method handles as constants, so that the JIT
 * compiles each record's encoding into straight-line code without boxing.
 *
 * <h2>Thread safety</h2>
 * Thread-safe. Lookups of cached codecs are lock-free reads of {@link ConcurrentHashMap}s; two
 * threads deriving the same class at once both derive it and one result wins. Register codecs
 * while the job is being built: {@link #register} forgets every derived codec, so later lookups
 * see the new codec, but codecs handed out before keep the old one.
 */
@Stable
public final class CodecRegistry {
    private static final Map<Class<?>, Codec<?>> BUILT_INS = BuiltInCodecs.byType();

    /** Shared by a registry and its portable view. */
    private final ConcurrentHashMap<Class<?>, Codec<?>> registered;
    private final ConcurrentHashMap<Class<?>, Codec<?>> derived = new ConcurrentHashMap<>();
    /** A {@link DynamicCodec} (JVM-local ids), or on the portable view a {@link PortableDynamicCodec}. */
    private final Codec<Object> dynamic;
    /** The registry with the JVM-local dynamic codec: the one the user created. */
    private final CodecRegistry local;
    /** The portable view ({@code this} on the view itself). */
    private final CodecRegistry portable;

    /** A registry with only the built-in and derivable codecs. */
    public CodecRegistry() {
        this.registered = new ConcurrentHashMap<>();
        this.local = this;
        this.dynamic = new DynamicCodec(this);
        this.portable = new CodecRegistry(this);
    }

    /** The portable view of {@code local}: same registrations, its own derivations. */
    private CodecRegistry(CodecRegistry local) {
        this.registered = local.registered;
        this.local = local;
        this.portable = this;
        this.dynamic = new PortableDynamicCodec(this);
    }

    /**
     * Uses {@code codec} for values of exactly {@code type} (not its subclasses), in preference to
     * any built-in or derived codec, also where {@code type} is a record component, a collection
     * element or a sealed subclass. Replaces an earlier registration for the same type.
     *
     * @return this registry
     * @throws IllegalArgumentException if {@code type} is primitive: record components of primitive
     *     type are always written directly; register the box ({@code Integer.class}) instead
     */
    public <T> CodecRegistry register(Class<T> type, Codec<T> codec) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(codec, "codec");
        if (type.isPrimitive()) {
            Class<?> box = java.lang.invoke.MethodType.methodType(type).wrap().returnType();
            throw new IllegalArgumentException("cannot register a codec for primitive " + type.getName()
                    + ": primitive record components are always written directly; register "
                    + box.getSimpleName() + ".class instead");
        }
        registered.put(type, codec);
        local.forgetDerived();
        portable.forgetDerived();
        return this;
    }

    private void forgetDerived() {
        derived.clear();
        switch (dynamic) {
            case DynamicCodec d -> d.invalidate();
            case PortableDynamicCodec p -> p.invalidate();
            default -> throw new IllegalStateException("unexpected dynamic codec " + dynamic);
        }
    }

    /**
     * The codec for {@code type}: registered, built in, or derived (and cached).
     *
     * @throws CodecException if there is none; the message names the type, the part of it that has
     *     no codec (such as {@code Order.customer.address: java.lang.Object}) and how to fix it
     */
    public <T> Codec<T> codecFor(Class<T> type) {
        return requireCodec(type, null);
    }

    /**
     * Like {@link #codecFor}, with {@code usedBy} (an operator, a state, ...) named in the error:
     * {@code no codec for type com.x.Foo (used by map 'enrich'): register one with
     * StreamEnvironment.registerCodec(Foo.class, codec), or make it a record/enum}.
     *
     * @param usedBy what needs the codec, for the error message; may be null
     * @throws CodecException if {@code type} has no codec
     */
    @SuppressWarnings("unchecked")
    public <T> Codec<T> requireCodec(Class<T> type, String usedBy) {
        Objects.requireNonNull(type, "type");
        Codec<?> codec = existing(type);
        if (codec == null) {
            codec = derive(type, usedBy);
        }
        return (Codec<T>) codec;
    }

    /** Whether {@link #codecFor} finds or derives a codec for {@code type} (deriving and caching it). */
    public boolean hasCodec(Class<?> type) {
        try {
            requireCodec(type, null);
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    /**
     * The codec for values whose class is known only at run time: a var-int type id, then the
     * value with its class's codec. Ids are assigned by this registry the first time it sees a
     * class, are stable for its lifetime, and are local to this JVM: never persist them (use
     * {@link #portableDynamicCodec()} for anything a checkpoint keeps). Refuses null. Decoding an id
     * this registry never assigned is a {@link CodecException} naming the id. On the
     * {@linkplain #portable() portable view} this is {@link #portableDynamicCodec()}.
     */
    public Codec<Object> dynamicCodec() {
        return dynamic;
    }

    /**
     * The snapshot-safe codec for values whose class is known only at run time (keys, accumulators of
     * undeclared type): a var-int tag for a few common classes, otherwise tag 0 and the class's name,
     * then the value with the codec of its class from the {@linkplain #portable() portable view}. What
     * it writes can be read by any registry with the same registrations in any JVM; it is larger and
     * slower than {@link #dynamicCodec()}, which stays the choice for in-memory exchange. Refuses null.
     * Decoding a class that cannot be loaded is a {@link CodecException} naming it.
     */
    public Codec<Object> portableDynamicCodec() {
        return portable.dynamic;
    }

    /**
     * The portable view of this registry: the same registered and built-in codecs, but every codec it
     * derives writes values of types known only at run time (type variables, raw collections) with
     * {@link #portableDynamicCodec()}, so that its bytes may be persisted. State and checkpoints take
     * their codecs from here. Registering on the view registers on this registry, and the other way
     * round. The view of the view is itself.
     */
    public CodecRegistry portable() {
        return portable;
    }

    /** The codec registered by the user for exactly {@code type}, or null. */
    Codec<?> registered(Class<?> type) {
        return registered.get(type);
    }

    /** The codec registered, built in or already derived for {@code type}, or null. */
    Codec<?> existing(Class<?> type) {
        Codec<?> codec = registered.get(type);
        if (codec == null) {
            codec = BUILT_INS.get(type);
        }
        return codec != null ? codec : derived.get(type);
    }

    private Codec<?> derive(Class<?> type, String usedBy) {
        Map<Class<?>, Codec<?>> codecs = new CodecDeriver(this, type, usedBy).run();
        Codec<?> result = null;
        for (Map.Entry<Class<?>, Codec<?>> e : codecs.entrySet()) {
            Codec<?> raced = derived.putIfAbsent(e.getKey(), e.getValue());
            if (result == null) {
                result = raced != null ? raced : e.getValue(); // the root comes first
            }
        }
        return result;
    }
}
