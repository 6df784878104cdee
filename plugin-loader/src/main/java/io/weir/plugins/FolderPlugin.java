package io.weir.plugins;

import io.weir.spi.plugin.PluginDescriptor;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state of one folder plugin while {@link PluginLoader} loads it: its class loader, descriptor,
 * the factories accepted so far and its errors. Single-threaded, used only inside one load.
 */
final class FolderPlugin {
    private final Path folder;
    private final List<LoadedFactory> factories = new ArrayList<>();
    private final List<PluginError> errors = new ArrayList<>();
    private PluginClassLoader loader;
    private PluginDescriptor descriptor;

    FolderPlugin(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** How errors and listings name the plugin: its folder. */
    String origin() {
        return folder.toString();
    }

    List<URL> jars() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList()) {
                urls.add(toUrl(jar));
            }
            return urls;
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot address " + jar, e);
        }
    }

    PluginClassLoader open(List<URL> jars, ClassLoader parent) {
        loader = new PluginClassLoader(folder, jars, parent);
        return loader;
    }

    PluginClassLoader loader() {
        return loader;
    }

    void descriptor(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    PluginDescriptor descriptor() {
        return descriptor;
    }

    void add(LoadedFactory factory) {
        factories.add(factory);
    }

    boolean hasFactory(PluginKind kind, String name) {
        return factories.stream().anyMatch(f -> f.kind() == kind && f.name().equals(name));
    }

    List<LoadedFactory> factories() {
        return factories;
    }

    void fail(String message, Throwable cause) {
        errors.add(new PluginError(origin(), message, cause));
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    List<PluginError> errors() {
        return errors;
    }

    void closeQuietly() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // the plugin is refused already; its error says why
            }
        }
    }
}
