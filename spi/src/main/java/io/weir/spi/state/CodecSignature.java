package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;

import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * A description of a store's codecs that is stable across JVMs, written into snapshots so that a
 * restore notices a state whose types changed (a {@code Long} value store declared again with
 * {@code Double} values decodes without error into nonsense). Conservative, so that an unchanged job
 * always matches (every state backend describes its stores with it, so that all describe a store alike):
 * <ul>
 *   <li>a codec that is a record (such as the runtime's TTL wrapper): its class and its component codecs;</li>
 *   <li>a codec of the API's ({@code io.weir.api.codec}) that describes itself ({@code RecordCodec[com.x.Order]}),
 *       or an anonymous or hidden one with a {@code toString}: that;</li>
 *   <li>another anonymous, hidden or lambda codec: {@code "custom"} (their names change with the code around them);</li>
 *   <li>any other codec: its class name ({@code io.weir.api.codec.BuiltInCodecs$LongCodec}).</li>
 * </ul>
 */
@Evolving
public final class CodecSignature {
    private static final String API_PACKAGE = "io.weir.api.codec";
    private static final int MAX_DEPTH = 6;

    private CodecSignature() {
    }

    /** The signature of every codec of {@code spec}. */
    public static String of(StoreSpec spec) {
        return switch (spec) {
            case ValueStoreSpec<?, ?> v -> "namespace=" + of(v.namespaceCodec()) + " value=" + of(v.valueCodec());
            case ListStoreSpec<?, ?> l -> "namespace=" + of(l.namespaceCodec()) + " element=" + of(l.elementCodec());
            case MapStoreSpec<?, ?, ?> m -> "namespace=" + of(m.namespaceCodec()) + " key=" + of(m.mapKeyCodec())
                    + " value=" + of(m.mapValueCodec());
            case TimerStoreSpec<?> t -> "namespace=" + of(t.namespaceCodec());
        };
    }

    /** The signature of one codec. */
    public static String of(Codec<?> codec) {
        return describe(codec, 0);
    }

    private static String describe(Object codec, int depth) {
        Class<?> type = codec.getClass();
        if (type.isRecord() && depth < MAX_DEPTH) {
            StringJoiner parts = new StringJoiner(", ", type.getName() + "(", ")");
            for (RecordComponent component : type.getRecordComponents()) {
                Object part = read(component, codec);
                if (part instanceof Codec<?>) {
                    parts.add(describe(part, depth + 1));
                }
            }
            return parts.toString();
        }
        boolean unnamed = type.isAnonymousClass() || type.isHidden() || type.isSynthetic();
        Class<?> describer = toStringOwner(type);
        if (describer != Object.class && (unnamed || describer.getPackageName().equals(API_PACKAGE))) {
            return codec.toString();
        }
        return unnamed ? "custom" : type.getName();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Class<?> toStringOwner(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass();
        } catch (NoSuchMethodException e) {
            return Object.class;
        }
    }
}
