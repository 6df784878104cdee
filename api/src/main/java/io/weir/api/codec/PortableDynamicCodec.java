package io.weir.api.codec;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The snapshot-safe {@code Codec<Object>} for values whose class is known only at run time (see
 * {@link CodecRegistry#portableDynamicCodec()}): what it writes means the same in every JVM, so it may be
 * persisted in checkpoints and savepoints.
 *
 * <p>Format: a var-int tag, then the value with the codec of its class (from the portable view of the
 * registry, so type variables inside it are portable too). Tags {@code 1..n} stand for a fixed table of
 * common classes (the {@link #WELL_KNOWN} list: append only, its order is the format); tag {@code 0} is
 * followed by the class's binary name as a string ({@link Class#getName()}), loaded on decoding through
 * the thread's context class loader, then the API's class loader. Classes are normalized as by the
 * JVM-local dynamic codec: {@code List}, {@code Set} and {@code Map} implementations are written as the
 * interface, an enum constant with a body as its enum. A record key thus costs its class name (about
 * 20-60 bytes) more than with the JVM-local codec; compression takes most of it back in snapshot files.
 *
 * <h2>Thread safety</h2>
 * Lock-free: lookups in {@link ConcurrentHashMap}s, filled on first use of a class (two threads may both
 * resolve a class; one result wins). {@link #invalidate()} forgets the cached codecs when a codec is registered.
 */
final class PortableDynamicCodec implements Codec<Object> {
    /** Classes written as a tag of their own. The order is part of the format: only ever append. */
    static final List<Class<?>> WELL_KNOWN = List.of(String.class, Integer.class, Long.class, Double.class,
            Float.class, Short.class, Byte.class, Character.class, Boolean.class, Instant.class, List.class, Set.class,
            Map.class, Optional.class, byte[].class, int[].class, long[].class, double[].class);
    private static final int NAMED = 0;
    private static final Map<Class<?>, Integer> TAGS = tags();

    /** A normalized class with its tag, name and codec. */
    private record Entry(Class<?> type, int tag, String name, Codec<Object> codec) {
    }

    /** The codecs resolved so far; replaced as a whole by {@link #invalidate()}. */
    private static final class Cache {
        final ConcurrentHashMap<Class<?>, Entry> byClass = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, Entry> byName = new ConcurrentHashMap<>();
        final AtomicReferenceArray<Entry> byTag = new AtomicReferenceArray<>(WELL_KNOWN.size() + 1);
    }

    private final CodecRegistry registry;
    /** Classes this JVM has encoded, by name: decoding finds them whatever the context class loader. */
    private final ConcurrentHashMap<String, Class<?>> seen = new ConcurrentHashMap<>();
    private volatile Cache cache = new Cache();

    /** @param registry the portable view of the job's registry */
    PortableDynamicCodec(CodecRegistry registry) {
        this.registry = registry;
    }

    private static Map<Class<?>, Integer> tags() {
        Map<Class<?>, Integer> tags = new HashMap<>();
        for (int i = 0; i < WELL_KNOWN.size(); i++) {
            tags.put(WELL_KNOWN.get(i), i + 1);
        }
        return Map.copyOf(tags);
    }

    void invalidate() {
        cache = new Cache();
    }

    @Override
    public void encode(Object value, CodecOutput out) {
        Cache c = cache;
        Entry entry = c.byClass.get(value.getClass());
        if (entry == null) {
            entry = learn(c, value.getClass());
        }
        out.writeVarInt(entry.tag);
        if (entry.tag == NAMED) {
            out.writeString(entry.name);
        }
        entry.codec.encode(value, out);
    }

    @Override
    public Object decode(CodecInput in) {
        int tag = in.readVarInt();
        Cache c = cache;
        Entry entry;
        if (tag == NAMED) {
            String name = in.readString();
            entry = c.byName.get(name);
            if (entry == null) {
                entry = resolve(c, name);
            }
        } else if (tag > 0 && tag <= WELL_KNOWN.size()) {
            entry = c.byTag.get(tag);
            if (entry == null) {
                Class<?> type = WELL_KNOWN.get(tag - 1);
                entry = new Entry(type, tag, type.getName(), codecOf(type));
                c.byTag.compareAndSet(tag, null, entry);
            }
        } else {
            throw new CodecException("portable dynamic codec: unknown type tag " + tag + " (known: 0.."
                    + WELL_KNOWN.size() + "): the bytes are corrupt or were written by a newer version");
        }
        return entry.codec.decode(in);
    }

    private Entry learn(Cache c, Class<?> runtimeType) {
        Class<?> type = DynamicCodec.normalize(registry, runtimeType);
        Codec<Object> codec = codecOf(type);
        Entry entry = new Entry(type, TAGS.getOrDefault(type, NAMED), type.getName(), codec);
        seen.putIfAbsent(entry.name, type);
        Entry raced = c.byClass.putIfAbsent(runtimeType, entry);
        return raced == null ? entry : raced;
    }

    private Entry resolve(Cache c, String name) {
        Class<?> type = seen.get(name);
        if (type == null) {
            type = load(name);
        }
        Entry entry = new Entry(type, NAMED, name, codecOf(type));
        Entry raced = c.byName.putIfAbsent(name, entry);
        return raced == null ? entry : raced;
    }

    private static Class<?> load(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassNotFoundException failure = null;
        for (ClassLoader loader : new ClassLoader[]{context, PortableDynamicCodec.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                failure = e;
            }
        }
        throw new CodecException("portable dynamic codec: class '" + name + "' named in the data cannot be loaded"
                + " (is the job's code on the class path?)", failure);
    }

    @SuppressWarnings("unchecked")
    private Codec<Object> codecOf(Class<?> type) {
        return (Codec<Object>) registry.requireCodec(type, "the portable dynamic codec");
    }

    @Override
    public String toString() {
        return "PortableDynamicCodec";
    }
}
