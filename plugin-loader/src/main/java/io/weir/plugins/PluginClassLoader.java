package io.weir.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one folder plugin: child-first, so that a plugin can bundle its own versions of
 * libraries that Weir (or another plugin) also uses, except for the packages in {@link #PARENT_FIRST}
 * (the JDK, Weir's {@code api} and {@code spi}, slf4j), which always come from the parent so that the
 * plugin and Weir share one copy of every type they exchange.
 *
 * <p>Resources follow the same order: the plugin's own jars first, then the parent's.
 *
 * <h2>Thread safety</h2>
 * Parallel capable, as {@link URLClassLoader}.
 */
public final class PluginClassLoader extends URLClassLoader {
    /** Package prefixes loaded parent-first. */
    public static final List<String> PARENT_FIRST = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.weir.api.", "io.weir.spi.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final Path folder;

    /** A loader over {@code jars}, of the plugin in {@code folder}, delegating to {@code parent} as described. */
    public PluginClassLoader(Path folder, List<URL> jars, ClassLoader parent) {
        super("plugin:" + folder.getFileName(), jars.toArray(URL[]::new), parent);
        this.folder = folder;
    }

    /** The plugin's folder. */
    public Path folder() {
        return folder;
    }

    static boolean isParentFirst(String name) {
        for (String prefix : PARENT_FIRST) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isParentFirst(name)) {
            return super.loadClass(name, resolve);
        }
        // no lock: a thread that loses a race to define the class reads the winner's definition
        Class<?> c = findLoadedClass(name);
        if (c == null) {
            try {
                c = findClass(name);
            } catch (ClassNotFoundException notInPlugin) {
                c = getParent().loadClass(name);
            } catch (LinkageError duplicateDefinition) {
                c = findLoadedClass(name);
                if (c == null) {
                    throw duplicateDefinition;
                }
            }
        }
        if (resolve) {
            resolveClass(c);
        }
        return c;
    }

    @Override
    public URL getResource(String name) {
        if (isParentFirst(name.replace('/', '.'))) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
