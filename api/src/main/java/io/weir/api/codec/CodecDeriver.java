package io.weir.api.codec;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One derivation of a codec for a class, with everything it needs: records from their components
 * (generic types read from the {@link RecordComponent}), enums, arrays, {@code List}, {@code Set},
 * {@code Map}, {@code Optional}, sealed hierarchies, and type variables through the dynamic codec.
 *
 * <p>Codecs derived on the way are kept here and handed to the registry only when the whole
 * derivation succeeds, so a failure leaves no half-built codec behind. A type that refers to itself
 * gets a {@link ForwardingCodec} bound at the end. The path to the part being derived
 * ({@code Order.items[element].price}) names the culprit when some part has no codec.
 *
 * <p>Not thread-safe: one instance per derivation, discarded afterwards.
 */
final class CodecDeriver {
    private final CodecRegistry registry;
    private final Class<?> root;
    private final String usedBy;
    private final Map<Class<?>, Codec<?>> derived = new LinkedHashMap<>();
    private final Map<Class<?>, ForwardingCodec<?>> inProgress = new HashMap<>();
    private final StringBuilder path = new StringBuilder();
    private int rootLength;

    /** @param usedBy who needs the codec, for error messages, or null */
    CodecDeriver(CodecRegistry registry, Class<?> root, String usedBy) {
        this.registry = registry;
        this.root = root;
        this.usedBy = usedBy;
    }

    /** Derives the codec of the root class; returns it and every codec derived on the way, root first. */
    Map<Class<?>, Codec<?>> run() {
        path.append(displayName(root));
        rootLength = path.length();
        Map<Class<?>, Codec<?>> result = new LinkedHashMap<>();
        result.put(root, forClass(root));
        result.putAll(derived); // holds the root again, which keeps its first place
        return result;
    }

    private Codec<?> derive(Type type) {
        return switch (type) {
            case Class<?> c -> forClass(c);
            case ParameterizedType p -> forParameterized(p);
            case GenericArrayType g -> objectArray(rawClass(g.getGenericComponentType()), g.getGenericComponentType());
            case TypeVariable<?> v -> registry.dynamicCodec();
            case WildcardType w -> {
                Type bound = w.getUpperBounds()[0];
                yield bound == Object.class ? registry.dynamicCodec() : derive(bound);
            }
            default -> throw missing(type);
        };
    }

    /** Derives a part of the current type, named by {@code segment} in the path ({@code .name}, {@code [key]}...). */
    private Codec<?> derivePart(String segment, Type type, boolean nullable) {
        int length = path.length();
        path.append(segment);
        Codec<?> codec = derive(type);
        path.setLength(length);
        return nullable ? NullableCodec.of(codec) : codec;
    }

    private Codec<?> forClass(Class<?> c) {
        Codec<?> known = registry.existing(c);
        if (known == null) {
            known = derived.get(c);
        }
        if (known == null) {
            known = inProgress.get(c);
        }
        if (known != null) {
            return known;
        }
        ForwardingCodec<?> forwarding = new ForwardingCodec<>(c);
        inProgress.put(c, forwarding);
        Codec<?> codec = build(c);
        inProgress.remove(c);
        bind(forwarding, codec);
        derived.put(c, codec);
        return codec;
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(ForwardingCodec<T> forwarding, Codec<?> codec) {
        forwarding.bind((Codec<T>) codec);
    }

    private Codec<?> build(Class<?> c) {
        if (c.isEnum()) {
            return EnumCodec.forClass(c);
        }
        if (c.isRecord()) {
            return record(c);
        }
        if (c.isArray()) {
            return objectArray(c.getComponentType(), c.getComponentType());
        }
        if (c == List.class) {
            return new ContainerCodecs.ListCodec<>(NullableCodec.of(registry.dynamicCodec()));
        }
        if (c == Set.class) {
            return new ContainerCodecs.SetCodec<>(NullableCodec.of(registry.dynamicCodec()));
        }
        if (c == Map.class) {
            Codec<Object> any = NullableCodec.of(registry.dynamicCodec());
            return new ContainerCodecs.MapCodec<>(any, any);
        }
        if (c == Optional.class) {
            return new ContainerCodecs.OptionalCodec<>(registry.dynamicCodec());
        }
        if (c.isSealed() && isAbstract(c)) {
            return sealed(c);
        }
        throw missing(c);
    }

    private Codec<?> record(Class<?> c) {
        RecordComponent[] components = c.getRecordComponents();
        Codec<?>[] codecs = new Codec<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            if (!components[i].getType().isPrimitive()) {
                codecs[i] = derivePart("." + components[i].getName(), components[i].getGenericType(), true);
            }
        }
        return RecordCodec.create(c, codecs);
    }

    private Codec<?> forParameterized(ParameterizedType p) {
        Class<?> raw = rawClass(p);
        Type[] args = p.getActualTypeArguments();
        Codec<?> registered = registry.registered(raw);
        if (registered != null) {
            return registered;
        }
        if (raw == List.class) {
            return new ContainerCodecs.ListCodec<>(derivePart("[element]", args[0], true));
        }
        if (raw == Set.class) {
            return new ContainerCodecs.SetCodec<>(derivePart("[element]", args[0], true));
        }
        if (raw == Map.class) {
            Codec<?> keys = derivePart("[key]", args[0], true);
            return new ContainerCodecs.MapCodec<>(keys, derivePart("[value]", args[1], true));
        }
        if (raw == Optional.class) {
            return new ContainerCodecs.OptionalCodec<>(derivePart("[value]", args[0], false));
        }
        return forClass(raw); // a generic record, sealed type, ...: its type variables go through the dynamic codec
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Codec<?> objectArray(Class<?> componentType, Type genericComponentType) {
        Codec<?> elements = derivePart("[element]", genericComponentType, true);
        return new ArrayCodecs.ObjectArrayCodec(componentType, elements);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Codec<?> sealed(Class<?> c) {
        List<Class<?>> leaves = new ArrayList<>();
        collectLeaves(c, leaves);
        Codec<Object>[] codecs = new Codec[leaves.size()];
        for (int i = 0; i < codecs.length; i++) {
            Class<?> leaf = leaves.get(i);
            codecs[i] = (Codec<Object>) derivePart("{" + leaf.getSimpleName() + "}", leaf, false);
        }
        return new SealedCodec<>(c, leaves.toArray(Class<?>[]::new), codecs);
    }

    private static void collectLeaves(Class<?> sealed, List<Class<?>> leaves) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed() && isAbstract(permitted)) {
                collectLeaves(permitted, leaves);
            } else if (!leaves.contains(permitted)) {
                leaves.add(permitted);
            }
        }
    }

    /** Interfaces and abstract classes (not enums) have no instances of their own. */
    private static boolean isAbstract(Class<?> c) {
        return !c.isEnum() && (c.isInterface() || java.lang.reflect.Modifier.isAbstract(c.getModifiers()));
    }

    private static Class<?> rawClass(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case GenericArrayType g -> rawClass(g.getGenericComponentType()).arrayType();
            case TypeVariable<?> v -> rawClass(v.getBounds()[0]);
            case WildcardType w -> rawClass(w.getUpperBounds()[0]);
            default -> Object.class;
        };
    }

    /** The error for a type that has no codec, naming the root, the path to the part and the fix. */
    private CodecException missing(Type type) {
        Class<?> raw = rawClass(type);
        String usage = usedBy == null ? "" : " (used by " + usedBy + ")";
        String fix = "register one with StreamEnvironment.registerCodec(" + raw.getSimpleName()
                + ".class, codec), or make it a record/enum";
        if (path.length() == rootLength) {
            return new CodecException("no codec for type " + root.getName() + usage + ": " + fix);
        }
        return new CodecException("no codec for type " + root.getName() + usage + ", because " + path + ": "
                + type.getTypeName() + " has none: " + fix);
    }

    private static String displayName(Class<?> c) {
        return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
    }
}
