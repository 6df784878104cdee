package io.weir.state.heap;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStore;
import io.weir.spi.state.StoreKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The synchronous part of a heap snapshot, on the task's thread: captures every store into a
 * {@link HeapSnapshot}.
 *
 * <p>Cost: one pass over every entry, copying two references per entry into arrays of the snapshot's
 * own; lists and maps are copied shallowly (an array of their elements, or of their key/value pairs);
 * values, list elements and map values that are not known to be immutable (see {@link Immutability}:
 * arrays, collections, classes other than records of immutable parts) are encoded on the spot, which is
 * the expensive case. Nothing is serialized or compressed here otherwise: {@link HeapSnapshot#write} does
 * that on the writer's thread.
 */
final class HeapSnapshots {
    private static final String JVM_LOCAL_DYNAMIC_CODEC = "io.weir.api.codec.DynamicCodec";
    private HeapSnapshots() {
    }

    /**
     * Captures {@code backend}'s stores, timers and restored state not declared again yet.
     *
     * @throws IllegalStateException if the backend's keys are encoded with the JVM-local dynamic codec
     */
    static HeapSnapshot capture(HeapKeyedStateBackend backend, long checkpointId) {
        KeyedBackendParameters p = backend.parameters();
        Codec<Object> keyCodec = p.keyCodec();
        CodecRegistry codecs = p.codecs();
        if (isJvmLocal(keyCodec, codecs)) {
            throw new IllegalStateException("operator '" + p.operatorName() + "': keys are encoded with the JVM-local"
                    + " dynamic codec, which another JVM cannot read; a keyed backend that is checkpointed needs a"
                    + " portable key codec (CodecRegistry.portableDynamicCodec())");
        }
        KeyGroupRange range = backend.keyGroupRange();
        ByteArrayCodecOutput scratch = new ByteArrayCodecOutput(256);
        List<CapturedStore> captured = new ArrayList<>();
        for (KeyedStore<?, ?> store : backend.storesByName().values()) {
            captured.add(capture(store, scratch));
        }
        for (HeapTimerStore<?> timers : backend.timerStoresByName().values()) {
            captured.add(new CapturedStore.Timers(timers.spec().name(), CodecSignature.of(timers.spec()),
                    timers.spec().namespaceCodec(), timers.capture()));
        }
        for (RestoredStore restored : backend.pendingRestored()) {
            captured.add(new CapturedStore.Raw(restored, range.first(), Math.max(0, range.size())));
        }
        String fileName = "heap-" + p.operatorUid().replaceAll("[^A-Za-z0-9_.-]+", "_") + "-" + p.subtaskIndex()
                + "-chk" + checkpointId;
        return new HeapSnapshot(fileName, range, p.maxParallelism(), keyCodec, CodecSignature.of(keyCodec), captured);
    }

    /** The registry's JVM-local dynamic codec (of this registry, or recognized by its class: of another). */
    private static boolean isJvmLocal(Codec<?> codec, CodecRegistry codecs) {
        return (codec == codecs.dynamicCodec() && codec != codecs.portableDynamicCodec())
                || codec.getClass().getName().equals(JVM_LOCAL_DYNAMIC_CODEC);
    }

    private static CapturedStore capture(KeyedStore<?, ?> store, ByteArrayCodecOutput scratch) {
        String name = store.spec().name();
        String signature = CodecSignature.of(store.spec());
        return switch (store) {
            case HeapValueStore<?, ?> v -> new CapturedStore.Table(name, StoreKind.VALUE, signature, v.table(),
                    v.spec().namespaceCodec(), v.spec().valueCodec(), null, scratch);
            case HeapListStore<?, ?> l -> new CapturedStore.Table(name, StoreKind.LIST, signature, l.table(),
                    l.spec().namespaceCodec(), l.spec().elementCodec(), null, scratch);
            case HeapMapStore<?, ?, ?> m -> new CapturedStore.Table(name, StoreKind.MAP, signature, m.table(),
                    m.spec().namespaceCodec(), m.spec().mapKeyCodec(), m.spec().mapValueCodec(), scratch);
            default -> throw new IllegalStateException("not a heap store: " + store);
        };
    }
}
