package io.weir.api.config;

import io.weir.api.annotation.Stable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A mutable set of option values, keyed by {@link ConfigOption#key()}. Values are stored typed;
 * string values set through {@link #setString} are parsed when read, so that an error names the
 * option that was wrong.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe while being built. The runtime takes a {@link #copy()} when a job starts and only
 * reads it from then on, which is safe from any thread.
 */
@Stable
public final class Configuration {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Configuration() {
    }

    /** A configuration holding {@code raw}'s entries as strings. */
    public static Configuration fromMap(Map<String, String> raw) {
        Configuration c = new Configuration();
        raw.forEach(c::setString);
        return c;
    }

    /** Sets a typed value. */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        Objects.requireNonNull(value, () -> "value of " + option.key());
        values.put(option.key(), value);
        return this;
    }

    /** Sets a value from text; it is parsed, and checked, when read through a typed option. */
    public Configuration setString(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
        return this;
    }

    /** The value of {@code option}, or its default. */
    public <T> T get(ConfigOption<T> option) {
        Object v = values.get(option.key());
        if (v == null) {
            return option.defaultValue();
        }
        if (option.type().isInstance(v) && !(v instanceof String && option.type() != String.class)) {
            return option.type().cast(v);
        }
        if (v instanceof String s) {
            return option.parse(s);
        }
        throw new IllegalArgumentException("configuration option '" + option.key() + "' holds a "
                + v.getClass().getSimpleName() + " but " + option.expected() + " is expected");
    }

    /** {@code true} if a value was set for {@code key}. */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The raw value for {@code key} as text, or {@code null}. */
    public String getString(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    /** An unmodifiable view of every key and its value as text. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.toString()));
        return Collections.unmodifiableMap(m);
    }

    /** A deep-enough copy: the values are immutable. */
    public Configuration copy() {
        Configuration c = new Configuration();
        c.values.putAll(values);
        return c;
    }

    /** Copies every value of {@code other} into this one, replacing what was set. */
    public Configuration addAll(Configuration other) {
        values.putAll(other.values);
        return this;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
