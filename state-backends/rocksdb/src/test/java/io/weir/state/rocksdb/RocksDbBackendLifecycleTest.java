package io.weir.state.rocksdb;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.runtime.state.VoidNamespace;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.StateBackend;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options are checked when the backend is created; a closed backend refuses use instead of crashing the JVM. */
class RocksDbBackendLifecycleTest {
    @TempDir
    Path directory;

    private final CodecRegistry codecs = new CodecRegistry();

    private KeyedBackendParameters parameters(int maxParallelism) {
        return KeyedBackendParameters.builder().operatorName("op").maxParallelism(maxParallelism)
                .keyCodec(codecs.portableDynamicCodec()).codecs(codecs).build();
    }

    private Configuration configuration() {
        return new Configuration().set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, directory.toString());
    }

    @Test
    void shouldRefuseUseAfterCloseAndDeleteItsWorkingFolder() throws Exception {
        try (StateBackend backend = new RocksDbStateBackendFactory().create(configuration())) {
            KeyedStateBackend keyed = backend.createKeyedBackend(parameters(128));
            ValueStore<VoidNamespace, Long> store = keyed.valueStore(
                    new ValueStoreSpec<>("v", VoidNamespace.CODEC, codecs.codecFor(Long.class)));
            keyed.setCurrentKey("a", 3);
            store.put(VoidNamespace.INSTANCE, 1L);
            assertThat(store.get(VoidNamespace.INSTANCE)).isEqualTo(1L);
            keyed.close();
            assertThatThrownBy(() -> store.get(VoidNamespace.INSTANCE)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.cursor(3).next()).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> keyed.snapshot(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            try (var left = Files.list(directory)) {
                assertThat(left.toList()).isEmpty();
            }
        }
        assertThat(RocksDbInstance.openInstances()).isZero();
    }

    @Test
    void shouldNameAnInvalidOption() {
        assertThatThrownBy(() -> new RocksDbStateBackendFactory().create(configuration()
                .set(StateOptions.ROCKSDB_TIMERS, "disk")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state.rocksdb.timers");
        assertThatThrownBy(() -> new RocksDbStateBackendFactory().create(configuration()
                .set(StateOptions.ROCKSDB_MEMORY_WRITE_BUFFER_RATIO, 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write-buffer-ratio");
    }

    @Test
    void shouldRefuseMoreKeyGroupsThanTwoBytesHold() {
        StateBackend backend = new RocksDbStateBackendFactory().create(configuration());
        assertThatThrownBy(() -> backend.createKeyedBackend(parameters(65_536)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32768");
    }
}
