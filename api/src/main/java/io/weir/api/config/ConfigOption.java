package io.weir.api.config;

import io.weir.api.annotation.Stable;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One typed configuration option: its key, value type, default and description. Values given as
 * strings (from a file, the command line or a connector's properties) are parsed with
 * {@link #parse(String)}, which names the key, the bad value and what is accepted when it fails.
 *
 * <p>Supported types: {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Double},
 * {@link Duration} (ISO-8601 such as {@code PT10S}, or a number with a unit: {@code 10ms},
 * {@code 5s}, {@code 2min}, {@code 1h}) and enums (case-insensitive, {@code -} and {@code _} alike).
 *
 * @param key          the dotted key, such as {@code "scheduler.idle-strategy"}
 * @param type         the value type
 * @param defaultValue the value when none is set; may be {@code null} for "no default"
 * @param description  one sentence for documentation and error messages
 * @param <T>          the value type
 */
@Stable
public record ConfigOption<T>(String key, Class<T> type, T defaultValue, String description) {

    public ConfigOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a configuration key must not be blank");
        }
    }

    /** Declares an option. */
    public static <T> ConfigOption<T> of(String key, Class<T> type, T defaultValue, String description) {
        return new ConfigOption<>(key, type, defaultValue, description);
    }

    /** Parses a string value for this option, or throws {@link IllegalArgumentException} naming the key. */
    public T parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String s = raw.trim();
        try {
            Object value;
            if (type == String.class) {
                value = raw;
            } else if (type == Integer.class) {
                value = Integer.valueOf(s);
            } else if (type == Long.class) {
                value = Long.valueOf(s);
            } else if (type == Double.class) {
                value = Double.valueOf(s);
            } else if (type == Boolean.class) {
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("not a boolean");
                }
                value = Boolean.valueOf(s);
            } else if (type == Duration.class) {
                value = parseDuration(s);
            } else if (type.isEnum()) {
                value = parseEnum(s);
            } else {
                throw new IllegalArgumentException("options of type " + type.getName() + " cannot be parsed from text");
            }
            return type.cast(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration option '" + key + "': cannot read '" + raw + "' as "
                    + expected() + " (" + description + ")", e);
        }
    }

    /** What values are accepted, for error messages. */
    public String expected() {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        }
        if (type == Duration.class) {
            return "a duration such as 100ms, 5s, 2min or PT10S";
        }
        return "a " + type.getSimpleName();
    }

    private Object parseEnum(String s) {
        String wanted = s.replace('-', '_');
        for (T constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no such constant");
    }

    static Duration parseDuration(String s) {
        if (s.startsWith("P") || s.startsWith("p")) {
            return Duration.parse(s);
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("no number");
        }
        long n = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "ns" -> Duration.ofNanos(n);
            case "us" -> Duration.ofNanos(n * 1000);
            case "", "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "min", "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
        };
    }
}
