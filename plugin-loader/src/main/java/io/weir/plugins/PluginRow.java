package io.weir.plugins;

/**
 * One line of {@code weir plugins}.
 *
 * @param name    the factory's name, as used in configuration
 * @param version the plugin's version, or {@code "-"}
 * @param kind    source, sink, state backend, scheduler or checkpoint storage
 * @param origin  the plugin folder, or {@code "class path (...)"}
 */
public record PluginRow(String name, String version, PluginKind kind, String origin) {
}
