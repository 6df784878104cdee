package io.weir.runtime.state;

import io.weir.api.codec.Codec;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;

import java.util.function.Supplier;

/**
 * A {@link KeyedStateStore} whose handles address (current key, the namespace the supplier gives at
 * each access): the per-window state of {@code ProcessWindowFunction.Context.windowState()}.
 */
final class NamespacedStoreView extends HandleCachingStore {
    private final KeyedStateManager manager;
    private final Supplier<Object> namespace;
    private final Codec<?> namespaceCodec;

    NamespacedStoreView(KeyedStateManager manager, Supplier<Object> namespace, Codec<?> namespaceCodec) {
        this.manager = manager;
        this.namespace = namespace;
        this.namespaceCodec = namespaceCodec;
    }

    @Override
    RegisteredState register(StateDescriptor<?> descriptor) {
        return manager.register(descriptor, namespaceCodec);
    }

    @Override
    State newHandle(RegisteredState registered) {
        return registered.newHandle(manager, null, namespace);
    }
}
