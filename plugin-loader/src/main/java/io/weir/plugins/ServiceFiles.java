package io.weir.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the {@code META-INF/services/<interface>} files of one plugin's own jars only (not its parent's),
 * in the {@link java.util.ServiceLoader} format: one class name a line, {@code #} starts a comment.
 */
final class ServiceFiles {
    private ServiceFiles() {
    }

    /** The provider class names that {@code loader}'s own jars list for {@code service}, in order, without repeats. */
    static Set<String> classNames(PluginClassLoader loader, Class<?> service) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (URL url : Collections.list(loader.findResources("META-INF/services/" + service.getName()))) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
