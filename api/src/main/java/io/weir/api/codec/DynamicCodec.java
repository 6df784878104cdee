package io.weir.api.codec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The registry's {@code Codec<Object>} for values whose class is known only at run time: writes a
 * var-int type id, then the value with the codec of its class. Refuses null.
 *
 * <p>Ids are assigned the first time a class is seen and never change for the registry's lifetime;
 * they are local to one registry in one JVM and must not be persisted. A value's class is first
 * normalized: any {@code List}, {@code Set} or {@code Map} without a registered codec of its own
 * counts as that interface (it decodes to an {@code ArrayList}, {@code LinkedHashSet} or
 * {@code LinkedHashMap}), and an enum constant with a body counts as its enum.
 *
 * <h2>Thread safety</h2>
 * Lock-free reads: encoding looks the class up in a {@link ConcurrentHashMap}, decoding reads the
 * id's slot in an array published through an {@link AtomicReference}. The first use of a class
 * derives its codec and publishes a new, larger copy of the array (compare-and-set); classes are
 * few, so copying is cheap. {@link #invalidate()} forgets the cached codecs (not the ids) when a
 * codec is registered.
 */
final class DynamicCodec implements Codec<Object> {
    /** A class with its id and codec. */
    private record Entry(Class<?> type, int id, Codec<Object> codec) {
    }

    /** The codecs resolved so far; replaced as a whole by {@link #invalidate()}. */
    private static final class Cache {
        final ConcurrentHashMap<Class<?>, Entry> byClass = new ConcurrentHashMap<>();
        final AtomicReference<Entry[]> byId = new AtomicReference<>(new Entry[0]);
    }

    private final CodecRegistry registry;
    /** Stable for the registry's lifetime: normalized class to id, and back. */
    private final ConcurrentHashMap<Class<?>, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicReference<Class<?>[]> classesById = new AtomicReference<>(new Class<?>[0]);
    private volatile Cache cache = new Cache();

    DynamicCodec(CodecRegistry registry) {
        this.registry = registry;
    }

    void invalidate() {
        cache = new Cache();
    }

    /** The id of {@code type} (after normalization), assigning one if needed. */
    int idOf(Class<?> type) {
        return ids.computeIfAbsent(normalize(registry, type), this::assign);
    }

    @Override
    public void encode(Object value, CodecOutput out) {
        Cache c = cache;
        Entry entry = c.byClass.get(value.getClass());
        if (entry == null) {
            entry = learn(c, value.getClass());
        }
        out.writeVarInt(entry.id);
        entry.codec.encode(value, out);
    }

    @Override
    public Object decode(CodecInput in) {
        int id = in.readVarInt();
        Cache c = cache;
        Entry[] table = c.byId.get();
        Entry entry = id >= 0 && id < table.length ? table[id] : null;
        if (entry == null) {
            entry = resolve(c, id);
        }
        return entry.codec.decode(in);
    }

    private Entry learn(Cache c, Class<?> runtimeType) {
        Class<?> type = normalize(registry, runtimeType);
        Codec<Object> codec = codecOf(type); // before the id: a class without a codec gets no id
        Entry entry = new Entry(type, ids.computeIfAbsent(type, this::assign), codec);
        publish(c, entry);
        Entry raced = c.byClass.putIfAbsent(runtimeType, entry);
        return raced == null ? entry : raced;
    }

    private Entry resolve(Cache c, int id) {
        Class<?>[] classes = classesById.get();
        if (id < 0 || id >= classes.length || classes[id] == null) {
            String assigned = classes.length == 0 ? "no ids yet"
                    : classes.length + " ids (0.." + (classes.length - 1) + ")";
            throw new CodecException("unknown dynamic type id " + id + ": this registry has assigned " + assigned
                    + "; the bytes were written by another registry or JVM, or are corrupt");
        }
        Entry entry = new Entry(classes[id], id, codecOf(classes[id]));
        publish(c, entry);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private Codec<Object> codecOf(Class<?> type) {
        return (Codec<Object>) registry.requireCodec(type, "the dynamic codec");
    }

    /**
     * The class a value of {@code type} is written as: itself when it has a registered codec or is a
     * record; its enum for an enum constant with a body; {@code List}, {@code Set} or {@code Map} for
     * their implementations. Shared with {@link PortableDynamicCodec}.
     */
    static Class<?> normalize(CodecRegistry registry, Class<?> type) {
        if (registry.registered(type) != null || type.isRecord()) {
            return type;
        }
        if (Enum.class.isAssignableFrom(type) && !type.isEnum()) {
            return type.getSuperclass(); // constant with a body
        }
        if (List.class.isAssignableFrom(type)) {
            return List.class;
        }
        if (Set.class.isAssignableFrom(type)) {
            return Set.class;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.class;
        }
        return type;
    }

    /** Called once per class, inside {@code ids.computeIfAbsent}: takes the next id and publishes it. */
    private Integer assign(Class<?> type) {
        for (;;) {
            Class<?>[] current = classesById.get();
            Class<?>[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = type;
            if (classesById.compareAndSet(current, next)) {
                return current.length;
            }
        }
    }

    private static void publish(Cache c, Entry entry) {
        for (;;) {
            Entry[] current = c.byId.get();
            if (entry.id < current.length && current[entry.id] != null) {
                return;
            }
            Entry[] next = Arrays.copyOf(current, Math.max(current.length, entry.id + 1));
            next[entry.id] = entry;
            if (c.byId.compareAndSet(current, next)) {
                return;
            }
        }
    }
}
