package io.weir.runtime.state;

import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.runtime.graph.KeyGroups;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.runtime.timers.KeyContext;
import io.weir.runtime.timers.TimerServices;
import io.weir.runtime.timers.Triggerable;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.StateBackend;
import io.weir.spi.state.TimerStoreSpec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The keyed state and timers of one keyed operator subtask, over a {@link KeyedStateBackend}. The
 * operator calls {@link #setCurrentKey} for every record (the key group is computed here, as Flink's
 * {@code KeyGroupRangeAssignment}), hands this object to user functions as their
 * {@link KeyedStateStore}, and drives timers with {@link #advanceWatermark} and
 * {@link #advanceProcessingTime}. Where a key is set for work that seldom uses state (window results),
 * {@link #setCurrentKeyLazily} defers the key group to the first state or timer access under the key.
 *
 * <p>Handles: asking twice for one state name returns the same handle; asking for a name already
 * used by a different kind of state (or declared type, or with TTL on/off differently) throws
 * {@link IllegalStateException} naming the state. Plain handles address (current key,
 * {@link VoidNamespace#INSTANCE}); {@link #namespacedState} and {@link #namespacedStore} give handles
 * for other namespaces (windows) over the same stores. Using a handle with no current key throws
 * {@link IllegalStateException}. Codecs come from the descriptors or the portable view of the job's
 * registry ({@link KeyedBackendParameters#codecs()}, {@link CodecRegistry#portable()}), so that
 * snapshots of the state can be read by another JVM.
 *
 * <p>TTL ({@code StateTtlConfig}) is measured on {@code processingClock}. Incremental TTL cleanup runs
 * on every access to a TTL state and, for states configured with {@code runCleanupForEveryRecord},
 * on every {@link #setCurrentKey}.
 *
 * <h2>Thread safety</h2>
 * Single-threaded: every call comes from the task's thread ({@link #close()} may come from the
 * supervisor once the task's thread has stopped).
 */
public final class KeyedStateManager extends HandleCachingStore implements KeyContext, AutoCloseable {
    private static final TtlIncrementalCleanup<?, ?>[] NO_CLEANUPS = new TtlIncrementalCleanup<?, ?>[0];

    private final KeyedStateBackend backend;
    private final StateBackend ownedBackend;
    private final String operatorName;
    private final int maxParallelism;
    private final LongSupplier processingClock;
    private final CodecRegistry codecs;
    private final Map<String, RegisteredState> states = new HashMap<>();
    private final Map<String, NamespacedStateImpl<?, ?>> namespaced = new HashMap<>();
    private final TimerServices timers;
    private TtlIncrementalCleanup<?, ?>[] perRecordCleanups = NO_CLEANUPS;
    /** The current key; read by the handles to refuse access without one. */
    Object currentKey;
    /**
     * {@link #currentKey} was set by {@link #setCurrentKeyLazily}: the backend does not address it yet.
     * Every path to the backend's keyed stores and timer stores binds it first ({@link #bindCurrentKey}).
     */
    boolean keyPending;
    private boolean closed;

    /**
     * A manager over {@code backend}, which it closes on {@link #close()}.
     *
     * @param backend         the subtask's keyed backend
     * @param operatorName    for messages
     * @param maxParallelism  the number of key groups; must match the backend's
     * @param processingClock processing time in epoch milliseconds (timers and TTL)
     */
    public KeyedStateManager(KeyedStateBackend backend, String operatorName, int maxParallelism,
                             LongSupplier processingClock) {
        this(backend, null, operatorName, maxParallelism, processingClock);
    }

    private KeyedStateManager(KeyedStateBackend backend, StateBackend ownedBackend, String operatorName,
                              int maxParallelism, LongSupplier processingClock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.ownedBackend = ownedBackend;
        this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
        this.processingClock = Objects.requireNonNull(processingClock, "processingClock");
        if (maxParallelism != backend.parameters().maxParallelism()) {
            throw new IllegalArgumentException("operator '" + operatorName + "': max parallelism " + maxParallelism
                    + " differs from the state backend's " + backend.parameters().maxParallelism());
        }
        this.maxParallelism = maxParallelism;
        this.codecs = backend.parameters().codecs().portable(); // state is checkpointed: JVM-independent codecs
        this.timers = new TimerServices(operatorName, this, processingClock);
    }

    /**
     * The manager of one keyed operator subtask with the backend named by {@code state.backend}
     * ({@link StateOptions#STATE_BACKEND}), owning the key groups
     * {@code [KeyGroups.firstKeyGroup, KeyGroups.lastKeyGroup]} of {@code subtask}. Keys are encoded
     * with the registry's portable dynamic codec, which snapshots may keep.
     *
     * @throws IllegalArgumentException if no backend has that name (the message lists those available)
     */
    public static KeyedStateManager create(Configuration configuration, CodecRegistry codecs, String operatorName,
                                           int subtask, int parallelism, int maxParallelism, LongSupplier clock) {
        String name = configuration.get(StateOptions.STATE_BACKEND);
        StateBackend stateBackend = StateBackends.find(name).create(configuration);
        KeyedBackendParameters parameters = KeyedBackendParameters.builder()
                .operatorName(operatorName)
                .subtask(subtask, parallelism)
                .maxParallelism(maxParallelism)
                .keyGroupRange(KeyGroupRange.of(KeyGroups.firstKeyGroup(subtask, maxParallelism, parallelism),
                        KeyGroups.lastKeyGroup(subtask, maxParallelism, parallelism)))
                .keyCodec(codecs.portableDynamicCodec())
                .codecs(codecs)
                .configuration(configuration)
                .build();
        KeyedStateBackend keyed;
        try {
            keyed = stateBackend.createKeyedBackend(parameters);
        } catch (RuntimeException e) {
            stateBackend.close();
            throw e;
        }
        return new KeyedStateManager(keyed, stateBackend, operatorName, maxParallelism, clock);
    }

    // ---- keys ------------------------------------------------------------------------------------

    /**
     * Makes {@code key} the current key of state and timers.
     *
     * @throws NullPointerException     if {@code key} is null
     * @throws IllegalArgumentException if this subtask does not own the key's key group
     */
    @Override
    public void setCurrentKey(Object key) {
        requireKey(key);
        backend.setCurrentKey(key, KeyGroups.keyGroupFor(key, maxParallelism));
        currentKey = key;
        keyPending = false;
        TtlIncrementalCleanup<?, ?>[] cleanups = perRecordCleanups;
        for (int i = 0; i < cleanups.length; i++) {
            cleanups[i].run();
        }
    }

    /**
     * Makes {@code key} the current key as {@link #setCurrentKey} does, but leaves computing its key group
     * (a hash of the key) and handing it to the backend to the first use of state or timers under it
     * ({@link #bindCurrentKey}): for an operator that sets the key for each of many results of which a user
     * function may read state for few or none (window results). The state and timers a function reaches,
     * through this manager's handles and timer services, see exactly the key set here. States that clean up
     * TTL on every key change make this an eager {@link #setCurrentKey}. A key of a key group this subtask
     * does not own is refused at that first use instead of here.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public void setCurrentKeyLazily(Object key) {
        if (perRecordCleanups.length != 0) {
            setCurrentKey(key);
            return;
        }
        requireKey(key);
        currentKey = key;
        keyPending = true;
    }

    private void requireKey(Object key) {
        if (key == null) {
            throw new NullPointerException("operator '" + operatorName + "': a key must not be null"
                    + " (did the key selector return null?)");
        }
    }

    /**
     * Hands a key set by {@link #setCurrentKeyLazily} to the backend, with its key group (nothing to do
     * otherwise). Called by the state handles and timer services before they address the backend.
     *
     * @throws IllegalArgumentException if this subtask does not own the key's key group
     */
    @Override
    public void bindCurrentKey() {
        if (keyPending) {
            keyPending = false;
            backend.setCurrentKey(currentKey, KeyGroups.keyGroupFor(currentKey, maxParallelism));
        }
    }

    /** The current key, or {@code null} before the first {@link #setCurrentKey}. */
    @Override
    public Object currentKey() {
        return currentKey;
    }

    // ---- state -----------------------------------------------------------------------------------

    @Override
    RegisteredState register(StateDescriptor<?> descriptor) {
        return register(descriptor, VoidNamespace.CODEC);
    }

    @Override
    State newHandle(RegisteredState registered) {
        return registered.newHandle(this, VoidNamespace.INSTANCE, null);
    }

    /**
     * Namespaced state for windows: the handle reads and writes (current key, the namespace set on the
     * returned object). Asking again for the same name returns the same object.
     */
    @SuppressWarnings("unchecked")
    public <N, S extends State> NamespacedState<N, S> namespacedState(StateDescriptor<S> descriptor,
                                                                     Codec<N> namespaceCodec) {
        Objects.requireNonNull(namespaceCodec, "namespaceCodec");
        RegisteredState registered = register(descriptor, namespaceCodec);
        NamespacedStateImpl<?, ?> existing = namespaced.get(descriptor.name());
        if (existing != null) {
            return (NamespacedState<N, S>) existing;
        }
        NamespacedStateImpl<N, S> created = new NamespacedStateImpl<>(registered.<N>newHandle(this, null, null), registered);
        namespaced.put(descriptor.name(), created);
        return created;
    }

    /**
     * A {@link KeyedStateStore} whose handles address (current key, {@code currentNamespace.get()}),
     * the namespace being read at every access: for {@code ProcessWindowFunction.Context.windowState()}
     * (the supplier gives the window being processed). Keep the view: each call makes a new one (with
     * handles of its own over the same stores).
     */
    public KeyedStateStore namespacedStore(Supplier<Object> currentNamespace, Codec<?> namespaceCodec) {
        return new NamespacedStoreView(this, Objects.requireNonNull(currentNamespace, "currentNamespace"),
                Objects.requireNonNull(namespaceCodec, "namespaceCodec"));
    }

    /** The registered state named by {@code descriptor}, declared in the backend on first use. */
    RegisteredState register(StateDescriptor<?> descriptor, Codec<?> namespaceCodec) {
        Objects.requireNonNull(descriptor, "descriptor");
        requireOpen();
        RegisteredState registered = states.get(descriptor.name());
        if (registered != null) {
            registered.checkCompatible(descriptor, operatorName);
            return registered;
        }
        registered = RegisteredState.create(descriptor, namespaceCodec, backend, codecs, processingClock);
        states.put(descriptor.name(), registered);
        if (registered.cleanup != null && registered.cleanup.enabled()
                && descriptor.ttlConfig().runCleanupForEveryRecord()) {
            perRecordCleanups = Arrays.copyOf(perRecordCleanups, perRecordCleanups.length + 1);
            perRecordCleanups[perRecordCleanups.length - 1] = registered.cleanup;
        }
        return registered;
    }

    // ---- timers ----------------------------------------------------------------------------------

    /**
     * The timer service {@code name} of an operator, its timers kept by the backend (timer stores
     * {@code _timer_state/event_<name>} and {@code _timer_state/processing_<name>}); {@code target}
     * is called with the timer's key already current. Asking again with the same target returns the
     * same service.
     *
     * @throws IllegalStateException if {@code name} is already used with another target
     */
    public <N> InternalTimerService<N> timerService(String name, Codec<N> namespaceCodec, Triggerable<N> target) {
        requireOpen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespaceCodec, "namespaceCodec");
        return timers.service(name,
                backend.timerStore(new TimerStoreSpec<>("_timer_state/event_" + name, namespaceCodec)),
                backend.timerStore(new TimerStoreSpec<>("_timer_state/processing_" + name, namespaceCodec)),
                target);
    }

    /**
     * Where long loops over state (firing many timers, many windows) report progress, every so often, so
     * that the job's watchdog does not take a long call for a stuck one.
     */
    public void setProgressListener(Runnable listener) {
        timers.setProgressListener(listener);
    }

    /** Reports progress to the listener set with {@link #setProgressListener} (if any). */
    public void reportProgress() {
        timers.reportProgress();
    }

    /** Sets the watermark, then fires every event-time timer {@code <= watermark}, in timestamp order, across all timer services. */
    public void advanceWatermark(long watermark) {
        timers.advanceWatermark(watermark);
    }

    /** Fires every processing-time timer {@code <= now}, in timestamp order. */
    public void advanceProcessingTime(long now) {
        timers.advanceProcessingTime(now);
    }

    /** Earliest pending processing-time timer, or {@link Long#MAX_VALUE}. */
    public long nextProcessingTimeTimer() {
        return timers.nextProcessingTimeTimer();
    }

    /** Earliest pending event-time timer, or {@link Long#MAX_VALUE}. */
    public long nextEventTimeTimer() {
        return timers.nextEventTimeTimer();
    }

    /** The last watermark given to {@link #advanceWatermark}, {@code Long.MIN_VALUE} before the first. */
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    // ---- misc ------------------------------------------------------------------------------------

    /** The backend (for snapshots, tests and metrics), addressing the current key (bound if set lazily). */
    public KeyedStateBackend backend() {
        bindCurrentKey();
        return backend;
    }

    /** The operator's name. */
    public String operatorName() {
        return operatorName;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the keyed state of operator '" + operatorName + "' is closed");
        }
    }

    /** Closes the backend (dropping its state); later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        currentKey = null;
        keyPending = false;
        states.clear();
        clearHandles();
        namespaced.clear();
        perRecordCleanups = NO_CLEANUPS;
        try {
            backend.close();
        } finally {
            if (ownedBackend != null) {
                ownedBackend.close();
            }
        }
    }
}
