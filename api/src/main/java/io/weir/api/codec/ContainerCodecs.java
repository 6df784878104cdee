package io.weir.api.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Codecs for {@code List}, {@code Set}, {@code Map} and {@code Optional}. Collections are written
 * as their size (a var-int) and then their elements in iteration order, each through a codec that
 * accepts null; they decode to an {@code ArrayList}, a {@code LinkedHashSet} or a
 * {@code LinkedHashMap}, which keep that order. An {@code Optional} is a presence byte and the
 * value. A collection that changes size while it is encoded is a {@link CodecException}.
 *
 * <p>Lists that implement {@link RandomAccess} are walked by index; sets and maps by their iterator
 * (there is no allocation-free alternative; escape analysis usually removes it).
 */
final class ContainerCodecs {
    private ContainerCodecs() {
    }

    private static CodecException changed(String what, int expected, int actual) {
        return new CodecException(what + " changed while being encoded: size was " + expected + ", iterated "
                + actual + " elements");
    }

    static final class ListCodec<E> implements Codec<List<E>> {
        private final Codec<E> elements;

        /** {@code elements} must accept null. */
        ListCodec(Codec<E> elements) {
            this.elements = elements;
        }

        @Override
        public void encode(List<E> value, CodecOutput out) {
            int size = value.size();
            out.writeVarInt(size);
            if (value instanceof RandomAccess) {
                for (int i = 0; i < size; i++) {
                    elements.encode(value.get(i), out);
                }
                return;
            }
            int count = 0;
            for (E e : value) {
                if (++count > size) {
                    throw changed("list", size, count);
                }
                elements.encode(e, out);
            }
            if (count != size) {
                throw changed("list", size, count);
            }
        }

        @Override
        public List<E> decode(CodecInput in) {
            int size = ArrayCodecs.readLength(in, 1, "list");
            List<E> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(elements.decode(in));
            }
            return list;
        }
    }

    static final class SetCodec<E> implements Codec<Set<E>> {
        private final Codec<E> elements;

        /** {@code elements} must accept null. */
        SetCodec(Codec<E> elements) {
            this.elements = elements;
        }

        @Override
        public void encode(Set<E> value, CodecOutput out) {
            int size = value.size();
            out.writeVarInt(size);
            int count = 0;
            for (E e : value) {
                if (++count > size) {
                    throw changed("set", size, count);
                }
                elements.encode(e, out);
            }
            if (count != size) {
                throw changed("set", size, count);
            }
        }

        @Override
        public Set<E> decode(CodecInput in) {
            int size = ArrayCodecs.readLength(in, 1, "set");
            Set<E> set = LinkedHashSet.newLinkedHashSet(size);
            for (int i = 0; i < size; i++) {
                set.add(elements.decode(in));
            }
            return set;
        }
    }

    static final class MapCodec<K, V> implements Codec<Map<K, V>> {
        private final Codec<K> keys;
        private final Codec<V> values;

        /** Both codecs must accept null. */
        MapCodec(Codec<K> keys, Codec<V> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public void encode(Map<K, V> value, CodecOutput out) {
            int size = value.size();
            out.writeVarInt(size);
            int count = 0;
            for (Map.Entry<K, V> e : value.entrySet()) {
                if (++count > size) {
                    throw changed("map", size, count);
                }
                keys.encode(e.getKey(), out);
                values.encode(e.getValue(), out);
            }
            if (count != size) {
                throw changed("map", size, count);
            }
        }

        @Override
        public Map<K, V> decode(CodecInput in) {
            int size = ArrayCodecs.readLength(in, 2, "map");
            Map<K, V> map = LinkedHashMap.newLinkedHashMap(size);
            for (int i = 0; i < size; i++) {
                K key = keys.decode(in);
                map.put(key, values.decode(in));
            }
            return map;
        }
    }

    static final class OptionalCodec<E> implements Codec<Optional<E>> {
        private final Codec<E> value;

        /** {@code value} need not accept null. */
        OptionalCodec(Codec<E> value) {
            this.value = value;
        }

        @Override
        public void encode(Optional<E> optional, CodecOutput out) {
            if (optional.isPresent()) {
                out.writeBoolean(true);
                value.encode(optional.get(), out);
            } else {
                out.writeBoolean(false);
            }
        }

        @Override
        public Optional<E> decode(CodecInput in) {
            return in.readBoolean() ? Optional.of(value.decode(in)) : Optional.empty();
        }
    }
}
