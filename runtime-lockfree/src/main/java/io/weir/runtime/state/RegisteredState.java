package io.weir.runtime.state;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.codec.Codecs;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.ListStoreSpec;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.MapStoreSpec;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One named state of a {@link KeyedStateManager}: the descriptor it was first registered with and its
 * backend store (behind the TTL layer when TTL is on). Reducing and aggregating state use a value
 * store; handles for any namespace source are made from it.
 */
final class RegisteredState {
    final StateDescriptor<?> descriptor;
    private final Object store;
    /** The incremental TTL cleanup of the store, or null without TTL. */
    final TtlIncrementalCleanup<?, ?> cleanup;

    private RegisteredState(StateDescriptor<?> descriptor, Object store, TtlIncrementalCleanup<?, ?> cleanup) {
        this.descriptor = descriptor;
        this.store = store;
        this.cleanup = cleanup;
    }

    /** Declares the store of {@code d} in {@code backend}, resolving its codecs from {@code codecs}. */
    static RegisteredState create(StateDescriptor<?> d, Codec<?> namespaceCodec, KeyedStateBackend backend,
                                  CodecRegistry codecs, LongSupplier clock) {
        TtlContext ttl = d.ttlConfig().isEnabled() ? new TtlContext(d.ttlConfig(), clock) : null;
        KeyGroupRange range = backend.keyGroupRange();
        String name = d.name();
        return switch (d) {
            case ValueStateDescriptor<?> v -> value(d, backend, range, name, namespaceCodec, v.codec(codecs), ttl);
            case ReducingStateDescriptor<?> r -> value(d, backend, range, name, namespaceCodec, r.codec(codecs), ttl);
            case AggregatingStateDescriptor<?, ?, ?> a ->
                    value(d, backend, range, name, namespaceCodec, a.accumulatorCodec(codecs), ttl);
            case ListStateDescriptor<?> l -> list(d, backend, range, name, namespaceCodec, l.elementCodec(codecs), ttl);
            case MapStateDescriptor<?, ?> m ->
                    map(d, backend, range, name, namespaceCodec, m.keyCodec(codecs), m.valueCodec(codecs), ttl);
        };
    }

    private static <N, T> RegisteredState value(StateDescriptor<?> d, KeyedStateBackend backend, KeyGroupRange range,
                                                String name, Codec<N> ns, Codec<T> codec, TtlContext ttl) {
        ValueStoreSpec<N, T> spec = new ValueStoreSpec<>(name, ns, codec);
        if (ttl == null) {
            return new RegisteredState(d, backend.valueStore(spec), null);
        }
        ValueStore<N, TtlValue<T>> raw = backend.valueStore(new ValueStoreSpec<>(name, ns, new TtlValueCodec<>(codec)));
        TtlValueStore<N, T> store = new TtlValueStore<>(raw, spec, range, ttl);
        return new RegisteredState(d, store, store.cleanup());
    }

    private static <N, E> RegisteredState list(StateDescriptor<?> d, KeyedStateBackend backend, KeyGroupRange range,
                                               String name, Codec<N> ns, Codec<E> codec, TtlContext ttl) {
        ListStoreSpec<N, E> spec = new ListStoreSpec<>(name, ns, codec);
        if (ttl == null) {
            return new RegisteredState(d, backend.listStore(spec), null);
        }
        ListStore<N, TtlValue<E>> raw = backend.listStore(new ListStoreSpec<>(name, ns, new TtlValueCodec<>(codec)));
        TtlListStore<N, E> store = new TtlListStore<>(raw, spec, range, ttl);
        return new RegisteredState(d, store, store.cleanup());
    }

    private static <N, K, V> RegisteredState map(StateDescriptor<?> d, KeyedStateBackend backend, KeyGroupRange range,
                                                 String name, Codec<N> ns, Codec<K> keyCodec, Codec<V> valueCodec,
                                                 TtlContext ttl) {
        Codec<V> nullableValues = Codecs.nullable(valueCodec);
        MapStoreSpec<N, K, V> spec = new MapStoreSpec<>(name, ns, keyCodec, nullableValues);
        if (ttl == null) {
            return new RegisteredState(d, backend.mapStore(spec), null);
        }
        MapStore<N, K, TtlValue<V>> raw =
                backend.mapStore(new MapStoreSpec<>(name, ns, keyCodec, new TtlValueCodec<>(nullableValues)));
        TtlMapStore<N, K, V> store = new TtlMapStore<>(raw, spec, range, ttl);
        return new RegisteredState(d, store, store.cleanup());
    }

    /** A new handle over the store, addressing {@code namespace} or, if given, {@code supplier}'s. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <N> AbstractStateHandle<N> newHandle(KeyedStateManager manager, N namespace, Supplier<N> supplier) {
        String name = descriptor.name();
        return switch (descriptor) {
            case ValueStateDescriptor<?> v -> new ValueStateHandle<>(manager, name, (ValueStore) store, namespace, supplier);
            case ListStateDescriptor<?> l -> new ListStateHandle<>(manager, name, (ListStore) store, namespace, supplier);
            case MapStateDescriptor<?, ?> m -> new MapStateHandle<>(manager, name, (MapStore) store, namespace, supplier);
            case ReducingStateDescriptor<?> r -> new ReducingStateHandle<>(manager, name, (ValueStore) store,
                    (ReduceFunction) r.reduceFunction(), namespace, supplier);
            case AggregatingStateDescriptor<?, ?, ?> a -> new AggregatingStateHandle<>(manager, name, (ValueStore) store,
                    (AggregateFunction) a.aggregateFunction(), namespace, supplier);
        };
    }

    /**
     * Checks that {@code other}, asked for under this state's name, describes the same state: same kind,
     * same declared types (where both declare one), TTL on or off alike.
     *
     * @throws IllegalStateException naming the state and the difference
     */
    void checkCompatible(StateDescriptor<?> other, String operatorName) {
        String problem = null;
        if (other.getClass() != descriptor.getClass()) {
            problem = "it is " + descriptor.kind() + " state, not " + other.kind() + " state";
        } else {
            List<Class<?>> mine = declaredTypes(descriptor);
            List<Class<?>> theirs = declaredTypes(other);
            for (int i = 0; i < mine.size(); i++) {
                if (mine.get(i) != null && theirs.get(i) != null && mine.get(i) != theirs.get(i)) {
                    problem = "it holds " + names(mine) + ", not " + names(theirs);
                    break;
                }
            }
            if (problem == null && descriptor.ttlConfig().isEnabled() != other.ttlConfig().isEnabled()) {
                problem = descriptor.ttlConfig().isEnabled() ? "it has a TTL" : "it has no TTL";
            }
        }
        if (problem != null) {
            throw new IllegalStateException("operator '" + operatorName + "': state '" + descriptor.name()
                    + "' is already registered and " + problem + "; use another name for a different state");
        }
    }

    private static List<Class<?>> declaredTypes(StateDescriptor<?> d) {
        return switch (d) {
            case ValueStateDescriptor<?> v -> Arrays.<Class<?>>asList(v.type());
            case ListStateDescriptor<?> l -> Arrays.<Class<?>>asList(l.elementType());
            case MapStateDescriptor<?, ?> m -> Arrays.<Class<?>>asList(m.keyType(), m.valueType());
            case ReducingStateDescriptor<?> r -> Arrays.<Class<?>>asList(r.type());
            case AggregatingStateDescriptor<?, ?, ?> a -> Arrays.<Class<?>>asList(a.accumulatorType());
        };
    }

    private static String names(List<Class<?>> types) {
        return types.stream().map(t -> t == null ? "?" : t.getName()).toList().toString();
    }
}
