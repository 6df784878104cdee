package io.weir.spi.plugin;

import io.weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What a plugin jar says about itself, read from the properties file {@value #RESOURCE}:
 * <pre>
 * name = datagen            # unique among the plugins of a distribution; lower case, no spaces
 * version = 1.0.0           # the plugin's own version, free text
 * spi-version = 1           # the SpiVersion.CURRENT the plugin was compiled against
 * </pre>
 * The factories themselves are listed as usual in {@code META-INF/services/<factory interface>} files.
 *
 * @param name       the plugin's name
 * @param version    the plugin's version
 * @param spiVersion the SPI version the plugin was built against, see {@link SpiVersion}
 */
@Evolving
public record PluginDescriptor(String name, String version, int spiVersion) {
    /** Where a plugin jar keeps its descriptor. */
    public static final String RESOURCE = "META-INF/weir-plugin.properties";
    /** Key of {@link #name()}. */
    public static final String NAME = "name";
    /** Key of {@link #version()}. */
    public static final String VERSION = "version";
    /** Key of {@link #spiVersion()}. */
    public static final String SPI_VERSION = "spi-version";

    public PluginDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("plugin name '" + name + "' must be non-empty without spaces");
        }
    }

    /** {@code true} if this build of Weir can load the plugin ({@link SpiVersion#isCompatible}). */
    public boolean isCompatible() {
        return SpiVersion.isCompatible(spiVersion);
    }

    /**
     * Reads a descriptor (UTF-8 properties).
     *
     * @param in     the descriptor's bytes; not closed
     * @param origin where it comes from, for error messages (such as the plugin folder)
     * @throws IllegalArgumentException naming {@code origin} and every missing or malformed key
     * @throws IOException              if {@code in} cannot be read
     */
    public static PluginDescriptor read(InputStream in, String origin) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        String name = required(p, NAME, problems);
        String version = required(p, VERSION, problems);
        String spi = required(p, SPI_VERSION, problems);
        int spiVersion = -1;
        if (spi != null) {
            try {
                spiVersion = Integer.parseInt(spi);
            } catch (NumberFormatException e) {
                problems.add("'" + SPI_VERSION + "' must be an integer, not '" + spi + "'");
            }
        }
        if (problems.isEmpty()) {
            try {
                return new PluginDescriptor(name, version, spiVersion);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        throw new IllegalArgumentException(origin + ": bad " + RESOURCE + ": " + String.join("; ", problems)
                + " (expected keys: " + NAME + ", " + VERSION + ", " + SPI_VERSION + ")");
    }

    private static String required(Properties p, String key, List<String> problems) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            problems.add("'" + key + "' is missing");
            return null;
        }
        return value.trim();
    }
}
