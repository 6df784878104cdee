package io.weir.state.heap;

import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.StateBackend;

import java.util.Objects;

/** The heap backend: nothing shared between subtasks, so each keyed backend is independent. Thread-safe. */
final class HeapStateBackend implements StateBackend {

    @Override
    public KeyedStateBackend createKeyedBackend(KeyedBackendParameters parameters) {
        return new HeapKeyedStateBackend(Objects.requireNonNull(parameters, "parameters"));
    }
}
