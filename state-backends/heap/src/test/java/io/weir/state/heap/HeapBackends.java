package io.weir.state.heap;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.ListStoreSpec;
import io.weir.spi.state.MapStoreSpec;
import io.weir.spi.state.TimerStoreSpec;
import io.weir.spi.state.ValueStoreSpec;

/** Test helpers: a heap backend owning a key-group range, and store specs. */
final class HeapBackends {
    static final CodecRegistry CODECS = new CodecRegistry();

    private HeapBackends() {
    }

    static HeapKeyedStateBackend backend(int firstKeyGroup, int lastKeyGroup) {
        KeyedBackendParameters parameters = KeyedBackendParameters.builder()
                .operatorName("op")
                .maxParallelism(16)
                .keyGroupRange(KeyGroupRange.of(firstKeyGroup, lastKeyGroup))
                .keyCodec(CODECS.dynamicCodec())
                .build();
        return (HeapKeyedStateBackend) new HeapStateBackendFactory().create(new Configuration())
                .createKeyedBackend(parameters);
    }

    static <T> Codec<T> codec(Class<T> type) {
        return CODECS.codecFor(type);
    }

    static ValueStoreSpec<String, Long> longValues(String name) {
        return new ValueStoreSpec<>(name, codec(String.class), codec(Long.class));
    }

    static ListStoreSpec<String, String> stringLists(String name) {
        return new ListStoreSpec<>(name, codec(String.class), codec(String.class));
    }

    static MapStoreSpec<String, String, Integer> stringIntMaps(String name) {
        return new MapStoreSpec<>(name, codec(String.class), codec(String.class), codec(Integer.class));
    }

    static TimerStoreSpec<String> timers(String name) {
        return new TimerStoreSpec<>(name, codec(String.class));
    }
}
