package io.weir.state.heap;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.Codec;
import io.weir.spi.state.StoreKind;
import io.weir.spi.state.StoreSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The restored entries of one store, kept encoded (slices of the decompressed blocks) until the store is
 * declared again: then they are decoded with the store's codecs ({@link #loadInto}). Until then a
 * snapshot writes them on as they are ({@link CapturedStore.Raw}).
 */
final class RestoredStore {
    /** The entries of one key group: {@code length} bytes of {@code bytes} from {@code offset}. */
    record Section(int keyGroup, byte[] bytes, int offset, int length, int count, String file) {
    }

    final String name;
    final StoreKind kind;
    final String signature;
    private final List<Section> sections = new ArrayList<>();

    RestoredStore(String name, StoreKind kind, String signature) {
        this.name = name;
        this.kind = kind;
        this.signature = signature;
    }

    void add(Section section) {
        sections.add(section);
    }

    List<Section> sections() {
        return sections;
    }

    /**
     * Checks that {@code spec} declares the store as it was written: same kind, same codec signature.
     *
     * @throws IllegalStateException naming the state and both declarations
     */
    void checkCompatible(StoreSpec spec, String operatorName) {
        StoreKind declared = StoreKind.of(spec);
        if (declared != kind) {
            throw new IllegalStateException("operator '" + operatorName + "': state '" + name + "' was restored as a "
                    + kind.label() + " store but is now declared as a " + declared.label() + " store; a state cannot change"
                    + " its kind across a restore (give the new state another name)");
        }
        String now = CodecSignature.of(spec);
        if (!now.equals(signature)) {
            throw new IllegalStateException("operator '" + operatorName + "': " + kind.label() + " state '" + name
                    + "' was written with codecs [" + signature + "] but is now declared with codecs [" + now
                    + "]; a state cannot change its types across a restore (give the new state another name)");
        }
    }

    /**
     * Decodes every section into {@code store} (a heap store or timer store of this kind).
     *
     * @throws IllegalStateException naming the state, the key group and the file if an entry cannot be decoded
     */
    void loadInto(Object store, Codec<Object> keyCodec, String operatorName) {
        ByteArrayCodecInput in = new ByteArrayCodecInput();
        for (Section s : sections) {
            in.reset(s.bytes(), s.offset(), s.length());
            try {
                for (int i = 0; i < s.count(); i++) {
                    loadEntry(store, s.keyGroup(), in, keyCodec);
                }
            } catch (RuntimeException e) {
                throw unreadable(operatorName, s, e.toString(), e);
            }
            if (in.remaining() != 0) {
                throw unreadable(operatorName, s, in.remaining() + " bytes were left over after its " + s.count()
                        + " entries", null);
            }
        }
        sections.clear();
    }

    private IllegalStateException unreadable(String operatorName, Section s, String why, Throwable cause) {
        return new IllegalStateException("operator '" + operatorName + "': restored " + kind.label() + " state '" + name
                + "' of key group " + s.keyGroup() + " (snapshot file '" + s.file()
                + "') cannot be read with the codecs it is declared with now: " + why, cause);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void loadEntry(Object store, int keyGroup, ByteArrayCodecInput in, Codec<Object> keyCodec) {
        Object key = keyCodec.decode(in);
        switch (store) {
            case HeapValueStore<?, ?> v -> {
                Object namespace = v.spec().namespaceCodec().decode(in);
                Object value = v.spec().valueCodec().decode(in);
                v.table().putRestored(keyGroup, key, namespace, value);
            }
            case HeapListStore<?, ?> l -> {
                Object namespace = l.spec().namespaceCodec().decode(in);
                int n = count(in);
                ArrayList<Object> list = new ArrayList<>(Math.min(Math.max(4, n), 1024));
                for (int i = 0; i < n; i++) {
                    list.add(l.spec().elementCodec().decode(in));
                }
                l.table().putRestored(keyGroup, key, namespace, list);
            }
            case HeapMapStore<?, ?, ?> m -> {
                Object namespace = m.spec().namespaceCodec().decode(in);
                int n = count(in);
                HashMap<Object, Object> map = HashMap.newHashMap(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    map.put(m.spec().mapKeyCodec().decode(in), m.spec().mapValueCodec().decode(in));
                }
                m.table().putRestored(keyGroup, key, namespace, map);
            }
            case HeapTimerStore<?> t -> {
                Object namespace = t.spec().namespaceCodec().decode(in);
                ((HeapTimerStore) t).restore(keyGroup, key, namespace, in.readLong());
            }
            default -> throw new IllegalStateException("not a heap store: " + store);
        }
    }

    private static int count(ByteArrayCodecInput in) {
        int n = in.readVarInt();
        if (n < 0) {
            throw new IllegalStateException("negative element count " + n);
        }
        return n;
    }
}
