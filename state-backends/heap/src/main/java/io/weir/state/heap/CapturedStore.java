package io.weir.state.heap;

import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.StoreKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One store's part of a heap snapshot: captured on the task's thread at the barrier, encoded later by
 * {@link HeapSnapshot} on the writer's thread. Key groups are addressed by their index in the backend's
 * range. What the capture keeps never changes afterwards: entry arrays of its own, values that are
 * immutable (shared), copies of lists and maps, and values that might change in place encoded at once.
 */
abstract sealed class CapturedStore permits CapturedStore.Table, CapturedStore.Timers, CapturedStore.Raw {
    final String name;
    final StoreKind kind;
    final String signature;

    CapturedStore(String name, StoreKind kind, String signature) {
        this.name = name;
        this.kind = kind;
        this.signature = signature;
    }

    /** The number of entries of key group {@code index}. */
    abstract int count(int index);

    /** Encodes the entries of key group {@code index} (the format's entries of this kind). */
    abstract void write(int index, ByteArrayCodecOutput out, Codec<Object> keyCodec);

    /** A value encoded at the barrier because it might change in place later. */
    private record PreEncoded(byte[] bytes) {
    }

    @SuppressWarnings("unchecked")
    static Codec<Object> cast(Codec<?> codec) {
        return (Codec<Object>) codec;
    }

    /** The entries of a value, list or map store. */
    static final class Table extends CapturedStore {
        private static final StateEntry[] NO_ENTRIES = new StateEntry[0];
        private static final Object[] NO_VALUES = new Object[0];

        private final Codec<Object> namespaceCodec;
        private final Codec<Object> first;
        private final Codec<Object> second;
        private final StateEntry[][] entries;
        private final Object[][] values;

        /**
         * Captures {@code table}. {@code first} is the value, element or map-key codec, {@code second} the
         * map-value codec (null otherwise); {@code scratch} encodes mutable values.
         */
        Table(String name, StoreKind kind, String signature, StateTable table, Codec<?> namespaceCodec,
              Codec<?> first, Codec<?> second, ByteArrayCodecOutput scratch) {
            super(name, kind, signature);
            this.namespaceCodec = cast(namespaceCodec);
            this.first = cast(first);
            this.second = second == null ? null : cast(second);
            int groups = table.groupCount();
            this.entries = new StateEntry[groups][];
            this.values = new Object[groups][];
            for (int g = 0; g < groups; g++) {
                HashMap<StateEntry, StateEntry> map = table.group(g);
                if (map == null || map.isEmpty()) {
                    entries[g] = NO_ENTRIES;
                    values[g] = NO_VALUES;
                    continue;
                }
                StateEntry[] es = new StateEntry[map.size()];
                Object[] vs = new Object[es.length];
                int i = 0;
                for (StateEntry e : map.values()) {
                    es[i] = e;
                    vs[i++] = capture(e.value, scratch);
                }
                entries[g] = es;
                values[g] = vs;
            }
        }

        private Object capture(Object value, ByteArrayCodecOutput scratch) {
            return switch (kind) {
                case VALUE -> Immutability.isImmutable(value) ? value : preEncode(value, scratch);
                case LIST -> {
                    Object[] elements = ((List<?>) value).toArray();
                    yield allImmutable(elements, 0, 1) ? elements : preEncode(elements, scratch);
                }
                case MAP -> {
                    Map<?, ?> map = (Map<?, ?>) value;
                    Object[] pairs = new Object[map.size() * 2];
                    int i = 0;
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        pairs[i++] = e.getKey();
                        pairs[i++] = e.getValue();
                    }
                    yield allImmutable(pairs, 1, 2) ? pairs : preEncode(pairs, scratch);
                }
                case TIMER -> throw new IllegalStateException("a timer store has no table");
            };
        }

        private static boolean allImmutable(Object[] values, int from, int step) {
            for (int i = from; i < values.length; i += step) {
                if (!Immutability.isImmutable(values[i])) {
                    return false;
                }
            }
            return true;
        }

        private PreEncoded preEncode(Object value, ByteArrayCodecOutput scratch) {
            scratch.reset();
            writeValue(value, scratch);
            return new PreEncoded(scratch.toByteArray());
        }

        /** The value part of an entry: the value, or the count and the elements or pairs. */
        private void writeValue(Object value, ByteArrayCodecOutput out) {
            switch (kind) {
                case VALUE -> first.encode(value, out);
                case LIST -> {
                    Object[] elements = (Object[]) value;
                    out.writeVarInt(elements.length);
                    for (Object element : elements) {
                        first.encode(element, out);
                    }
                }
                case MAP -> {
                    Object[] pairs = (Object[]) value;
                    out.writeVarInt(pairs.length / 2);
                    for (int i = 0; i < pairs.length; i += 2) {
                        first.encode(pairs[i], out);
                        second.encode(pairs[i + 1], out);
                    }
                }
                case TIMER -> throw new IllegalStateException("a timer store has no table");
            }
        }

        @Override
        int count(int index) {
            return entries[index].length;
        }

        @Override
        void write(int index, ByteArrayCodecOutput out, Codec<Object> keyCodec) {
            StateEntry[] es = entries[index];
            Object[] vs = values[index];
            for (int i = 0; i < es.length; i++) {
                keyCodec.encode(es[i].key, out);
                namespaceCodec.encode(es[i].namespace, out);
                if (vs[i] instanceof PreEncoded p) {
                    out.writeBytes(p.bytes, 0, p.bytes.length);
                } else {
                    writeValue(vs[i], out);
                }
            }
        }
    }

    /**
     * The timers of a timer store, written per key group in registration order; after a restore, timers
     * with equal timestamps come out in that order within a key group, and by key group across them.
     */
    static final class Timers extends CapturedStore {
        private static final Comparator<HeapTimer<?>> BY_REGISTRATION = Comparator.comparingLong(t -> t.sequence);

        private final Codec<Object> namespaceCodec;
        private final HeapTimer<?>[][] timers;

        Timers(String name, String signature, Codec<?> namespaceCodec, HeapTimer<?>[][] timers) {
            super(name, StoreKind.TIMER, signature);
            this.namespaceCodec = cast(namespaceCodec);
            this.timers = timers;
        }

        @Override
        int count(int index) {
            return timers[index].length;
        }

        @Override
        void write(int index, ByteArrayCodecOutput out, Codec<Object> keyCodec) {
            HeapTimer<?>[] group = timers[index];
            Arrays.sort(group, BY_REGISTRATION); // the array is the capture's own
            for (HeapTimer<?> t : group) {
                keyCodec.encode(t.key, out);
                namespaceCodec.encode(t.namespace, out);
                out.writeLong(t.timestamp);
            }
        }
    }

    /** Restored entries whose store was not declared again yet: written on as they were read. */
    static final class Raw extends CapturedStore {
        private final List<RestoredStore.Section>[] sections;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Raw(RestoredStore restored, int firstKeyGroup, int groups) {
            super(restored.name, restored.kind, restored.signature);
            this.sections = new List[groups];
            for (RestoredStore.Section s : restored.sections()) {
                int index = s.keyGroup() - firstKeyGroup;
                if (sections[index] == null) {
                    sections[index] = new ArrayList<>(1);
                }
                sections[index].add(s);
            }
        }

        @Override
        int count(int index) {
            List<RestoredStore.Section> group = sections[index];
            int count = 0;
            if (group != null) {
                for (RestoredStore.Section s : group) {
                    count += s.count();
                }
            }
            return count;
        }

        @Override
        void write(int index, ByteArrayCodecOutput out, Codec<Object> keyCodec) {
            for (RestoredStore.Section s : sections[index]) {
                out.writeBytes(s.bytes(), s.offset(), s.length());
            }
        }
    }
}
