package io.weir.spi.plugin;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shared validator of connector configuration ({@link SourceFactory}, {@link SinkFactory}): refuses
 * unknown keys, missing required options and values that do not parse as their option's type, all at
 * once, with a message that lists every accepted option with its type and description.
 *
 * <h2>Thread safety</h2>
 * Stateless; safe from any thread (the configuration must not change during the call).
 */
@Evolving
public final class ConnectorOptions {
    private ConnectorOptions() {
    }

    /**
     * Checks {@code configuration}.
     *
     * @param connector    what is configured, for the message, such as {@code "source 'datagen'"}
     * @param required     options that must be set
     * @param optional     options that may be set
     * @param ignoredKeys  keys that are not options but allowed (the selector, such as {@code "source"})
     * @throws IllegalArgumentException listing every problem and the accepted options
     */
    public static void validate(String connector, Configuration configuration, Set<ConfigOption<?>> required,
                                Set<ConfigOption<?>> optional, String... ignoredKeys) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new TreeSet<>(List.of(ignoredKeys));
        List<ConfigOption<?>> all = new ArrayList<>(required);
        all.addAll(optional);
        all.forEach(o -> known.add(o.key()));
        for (String key : new TreeSet<>(configuration.toMap().keySet())) {
            if (!known.contains(key)) {
                problems.add("unknown option '" + key + "'");
            }
        }
        for (ConfigOption<?> option : sorted(required)) {
            if (!configuration.contains(option.key())) {
                problems.add("missing required option '" + option.key() + "'");
            }
        }
        for (ConfigOption<?> option : sorted(all)) {
            if (configuration.contains(option.key())) {
                try {
                    configuration.get(option);
                } catch (IllegalArgumentException e) {
                    problems.add("option '" + option.key() + "': '" + configuration.getString(option.key())
                            + "' is not " + option.expected());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(connector + ": " + String.join("; ", problems) + ".\n"
                    + describe(required, optional));
        }
    }

    /** A multi-line list of the accepted options: key, type, required or default, description. */
    public static String describe(Set<ConfigOption<?>> required, Set<ConfigOption<?>> optional) {
        StringBuilder sb = new StringBuilder("Accepted options:");
        for (ConfigOption<?> o : sorted(required)) {
            sb.append("\n  ").append(o.key()).append(" (").append(o.expected()).append(", required): ")
                    .append(o.description());
        }
        for (ConfigOption<?> o : sorted(optional)) {
            sb.append("\n  ").append(o.key()).append(" (").append(o.expected()).append(", default ")
                    .append(o.defaultValue() == null ? "none" : o.defaultValue()).append("): ")
                    .append(o.description());
        }
        return sb.toString();
    }

    private static List<ConfigOption<?>> sorted(Iterable<ConfigOption<?>> options) {
        List<ConfigOption<?>> list = new ArrayList<>();
        options.forEach(list::add);
        list.sort(Comparator.comparing(ConfigOption::key));
        return list;
    }
}
