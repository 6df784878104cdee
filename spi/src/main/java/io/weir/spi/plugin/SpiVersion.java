package io.weir.spi.plugin;

import io.weir.api.annotation.Evolving;

/**
 * The version of the Weir SPI, a single integer that a plugin records in its descriptor
 * ({@link PluginDescriptor#spiVersion()}) as the version it was compiled against.
 *
 * <p>Compatibility rule: the SPI grows only by additions (new types, default methods) within a version;
 * any change that can break a compiled plugin (a removed or changed method, a new abstract method)
 * increments {@link #CURRENT}, and {@link #OLDEST_SUPPORTED} is raised to the oldest version whose
 * plugins still link. A plugin is {@linkplain #isCompatible compatible} when its version lies in
 * {@code [OLDEST_SUPPORTED, CURRENT]}: a plugin built against a newer SPI than the running Weir is
 * refused, and so is one built against a version that is no longer supported.
 *
 * <h2>Thread safety</h2>
 * Constants and pure functions only.
 */
@Evolving
public final class SpiVersion {
    /** The SPI version of this build of Weir. */
    public static final int CURRENT = 1;
    /** The oldest SPI version whose plugins this build still loads. */
    public static final int OLDEST_SUPPORTED = 1;

    private SpiVersion() {
    }

    /** {@code true} if a plugin built against {@code pluginSpiVersion} can be loaded by this build. */
    public static boolean isCompatible(int pluginSpiVersion) {
        return pluginSpiVersion >= OLDEST_SUPPORTED && pluginSpiVersion <= CURRENT;
    }

    /** What this build accepts, for error messages, such as {@code "1"} or {@code "1 to 3"}. */
    public static String accepted() {
        return OLDEST_SUPPORTED == CURRENT ? Integer.toString(CURRENT) : OLDEST_SUPPORTED + " to " + CURRENT;
    }
}
