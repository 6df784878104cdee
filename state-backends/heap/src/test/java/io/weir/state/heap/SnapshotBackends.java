package io.weir.state.heap;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.codec.Codecs;
import io.weir.api.config.Configuration;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.ListStoreSpec;
import io.weir.spi.state.MapStoreSpec;
import io.weir.spi.state.TimerStoreSpec;
import io.weir.spi.state.ValueStoreSpec;

import java.io.IOException;
import java.util.List;

/**
 * Test helpers for snapshots: heap backends with a portable key codec (over a given registry) and 16 key
 * groups, store specs whose codecs come from the registry's portable view, and a key-to-key-group function.
 */
final class SnapshotBackends {
    static final int KEY_GROUPS = 16;

    private SnapshotBackends() {
    }

    static HeapKeyedStateBackend backend(CodecRegistry codecs, int first, int last) {
        KeyedBackendParameters parameters = KeyedBackendParameters.builder()
                .operatorName("op")
                .maxParallelism(KEY_GROUPS)
                .keyGroupRange(KeyGroupRange.of(first, last))
                .keyCodec(codecs.portableDynamicCodec())
                .codecs(codecs)
                .build();
        return (HeapKeyedStateBackend) new HeapStateBackendFactory().create(new Configuration())
                .createKeyedBackend(parameters);
    }

    static int keyGroup(Object key) {
        return Math.floorMod(key.hashCode() * 31, KEY_GROUPS);
    }

    static void key(HeapKeyedStateBackend backend, Object key) {
        backend.setCurrentKey(key, keyGroup(key));
    }

    static KeyedStateHandle write(HeapKeyedStateBackend backend, long checkpointId, MemoryFiles files)
            throws IOException {
        return backend.snapshot(checkpointId).write(files);
    }

    static HeapKeyedStateBackend restored(CodecRegistry codecs, int first, int last, List<KeyedStateHandle> handles,
                                          MemoryFiles files) throws IOException {
        HeapKeyedStateBackend backend = backend(codecs, first, last);
        backend.restore(handles, files);
        return backend;
    }

    static ValueStoreSpec<String, Long> longValues(CodecRegistry codecs, String name) {
        return new ValueStoreSpec<>(name, codecs.portable().codecFor(String.class), codecs.portable().codecFor(Long.class));
    }

    static ListStoreSpec<String, String> stringLists(CodecRegistry codecs, String name) {
        return new ListStoreSpec<>(name, codecs.portable().codecFor(String.class),
                codecs.portable().codecFor(String.class));
    }

    static MapStoreSpec<String, String, Integer> stringIntMaps(CodecRegistry codecs, String name) {
        return new MapStoreSpec<>(name, codecs.portable().codecFor(String.class),
                codecs.portable().codecFor(String.class), Codecs.nullable(codecs.portable().codecFor(Integer.class)));
    }

    static TimerStoreSpec<String> timers(CodecRegistry codecs, String name) {
        return new TimerStoreSpec<>(name, codecs.portable().codecFor(String.class));
    }
}
