package io.weir.runtime.state;

import io.weir.api.state.State;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * The base of the state handles: checks that a key is current and finds the namespace to address,
 * which is fixed ({@link VoidNamespace} for plain keyed state), set by the operator
 * ({@link NamespacedState}), or read from a supplier on every access (the views of
 * {@link KeyedStateManager#namespacedStore}).
 *
 * @param <N> the namespace type
 */
abstract class AbstractStateHandle<N> implements State {
    private final KeyedStateManager manager;
    final String name;
    private final Supplier<N> namespaceSupplier;
    private N namespace;

    AbstractStateHandle(KeyedStateManager manager, String name, N namespace, Supplier<N> namespaceSupplier) {
        this.manager = manager;
        this.name = name;
        this.namespace = namespace;
        this.namespaceSupplier = namespaceSupplier;
    }

    /** The namespace to address for the current key; fails when no key (or no namespace) is set. */
    final N namespace() {
        requireKey();
        N n = namespaceSupplier == null ? namespace : namespaceSupplier.get();
        if (n == null) {
            throw new IllegalStateException("operator '" + manager.operatorName() + "': state '" + name
                    + "' was used before a namespace was set");
        }
        return n;
    }

    final void requireKey() {
        if (manager.currentKey == null) {
            throw new IllegalStateException("operator '" + manager.operatorName() + "': state '" + name
                    + "' was accessed without a current key; keyed state can be used only while a record or a timer"
                    + " of a keyed stream (after keyBy) is being processed");
        }
        if (manager.keyPending) {
            manager.bindCurrentKey(); // set lazily: the backend gets it (and its key group) now
        }
    }

    final void setNamespace(N namespace) {
        if (namespace == null) {
            throw new NullPointerException("state '" + name + "': the namespace must not be null");
        }
        this.namespace = namespace;
    }

    /** Merges the sources' state into the target's for the current key; see {@link NamespacedState}. */
    void mergeNamespaces(N target, Collection<N> sources) {
        throw new UnsupportedOperationException(getClass().getSimpleName().replace("Handle", "").replace("State", "")
                .toLowerCase(java.util.Locale.ROOT) + " state '" + name
                + "' cannot merge namespaces: only list, reducing and aggregating state can (as in Flink)");
    }

    /** A checked exception of a user function, made unchecked with the state's name. */
    final RuntimeException userFailure(String what, Exception e) {
        if (e instanceof RuntimeException re) {
            return re;
        }
        return new IllegalStateException("state '" + name + "': " + what + " failed: " + e, e);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
