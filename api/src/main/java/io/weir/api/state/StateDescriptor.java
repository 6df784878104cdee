package io.weir.api.state;

import io.weir.api.annotation.Stable;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;

import java.util.Objects;

/**
 * Names a keyed state and says what it holds: the kind of state (the subclass), its value types or
 * codecs, and optionally a time-to-live. The name identifies the state within its operator: asking
 * twice for one name returns one state, and the name survives in checkpoints.
 *
 * <p>Codecs are resolved lazily: a descriptor built with a {@code Class} asks the job's
 * {@link CodecRegistry} (which the runtime passes in) when the state is first used, so that codecs
 * the user registers on the environment apply; a descriptor built with a {@link Codec} uses it.
 *
 * <p>Two descriptors are equal when they are of the same kind and have the same name.
 *
 * <h2>Thread safety</h2>
 * Configure a descriptor ({@link #enableTimeToLive}) before handing it to a {@link KeyedStateStore};
 * from then on it is only read, and one descriptor may be shared by every subtask.
 *
 * @param <S> the kind of state handle it describes
 */
@Stable
public abstract sealed class StateDescriptor<S extends State> implements java.io.Serializable
        permits ValueStateDescriptor, ListStateDescriptor, MapStateDescriptor, ReducingStateDescriptor,
        AggregatingStateDescriptor {
    private static final long serialVersionUID = 1L;

    private final String name;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    StateDescriptor(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a state name must not be blank");
        }
        this.name = name;
    }

    /** The state's name, unique within its operator. */
    public String name() {
        return name;
    }

    /**
     * Gives the state a time-to-live: values not written (or, per the config, read) for
     * {@code config.ttl()} of processing time expire. Call before the state is first used.
     */
    public void enableTimeToLive(StateTtlConfig config) {
        this.ttlConfig = Objects.requireNonNull(config, "config");
    }

    /** The time-to-live configuration; {@link StateTtlConfig#DISABLED} unless enabled. */
    public StateTtlConfig ttlConfig() {
        return ttlConfig;
    }

    /** A short name of the kind of state, for messages: {@code "value"}, {@code "list"}, ... */
    public abstract String kind();

    /** The explicit {@code codec}, or the registry's codec for {@code type}; errors name this state. */
    final <T> Codec<T> resolve(Codec<T> codec, Class<T> type, CodecRegistry registry) {
        if (codec != null) {
            return codec;
        }
        Objects.requireNonNull(registry, "registry");
        return registry.requireCodec(type, kind() + " state '" + name + "'");
    }

    static <T> T require(T value, String what) {
        return Objects.requireNonNull(value, what);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof StateDescriptor<?> other && other.getClass() == getClass() && other.name.equals(name);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return kind() + " state '" + name + "'" + (ttlConfig.isEnabled() ? " (ttl " + ttlConfig.ttl() + ")" : "");
    }
}
