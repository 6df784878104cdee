package io.weir.plugins;

/**
 * One factory that the {@link PluginLoader} accepted.
 *
 * @param kind        which SPI it implements
 * @param name        its {@code name()}, unique within its kind
 * @param description its one-line {@code description()}
 * @param factory     the factory, an instance of {@code kind.factoryType()}, wrapped so that its methods run
 *                    with the plugin's context class loader
 * @param plugin      the plugin's name (a folder plugin's descriptor name, or the factory name on the class path)
 * @param version     the plugin's version, or {@code "-"} when unknown
 * @param origin      where it was found: {@code "class path (<location>)"} or the plugin folder
 * @param classLoader the loader of the factory's class: set it as context class loader when calling into
 *                    objects that the factory created
 */
public record LoadedFactory(PluginKind kind, String name, String description, Object factory, String plugin,
                            String version, String origin, ClassLoader classLoader) {
}
