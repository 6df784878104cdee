package io.weir.runtime.state;

import io.weir.api.state.State;

import java.util.Collection;
import java.util.Objects;

/** {@link NamespacedState} over one handle whose namespace the operator sets. */
final class NamespacedStateImpl<N, S extends State> implements NamespacedState<N, S> {
    private final AbstractStateHandle<N> handle;
    final RegisteredState registered;

    NamespacedStateImpl(AbstractStateHandle<N> handle, RegisteredState registered) {
        this.handle = handle;
        this.registered = registered;
    }

    @Override
    public void setNamespace(N namespace) {
        handle.setNamespace(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public S state() {
        return (S) handle;
    }

    @Override
    public void mergeNamespaces(N target, Collection<N> sources) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sources, "sources");
        handle.mergeNamespaces(target, sources);
    }
}
