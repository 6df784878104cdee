package io.weir.plugins;

import io.weir.spi.plugin.PluginDescriptor;
import io.weir.spi.plugin.SpiVersion;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds plugins in two places and returns them as {@link Plugins}:
 * <ol>
 *   <li>the class path: every factory of the five kinds ({@link PluginKind}) that {@link ServiceLoader}
 *       finds through the given class loader (tests, embedded use, built-in factories);</li>
 *   <li>a plugins folder: each sub-folder is one plugin whose {@code *.jar} files get their own
 *       child-first {@link PluginClassLoader}. One of the jars holds the descriptor
 *       {@value PluginDescriptor#RESOURCE}; the factories are listed in the jars'
 *       {@code META-INF/services} files.</li>
 * </ol>
 * A folder plugin is loaded whole or not at all. It is refused, with an error naming its folder, when it
 * has no jar, no or a bad descriptor, an incompatible {@linkplain SpiVersion SPI version}, a name already
 * taken by another plugin, a listed factory class that is missing or cannot link, a factory whose
 * construction or {@code name()} throws, a factory name already taken within its kind, or no factory
 * at all. A refused plugin never stops the others. Factories are instantiated, and later called, with
 * the thread's context class loader set to their plugin's loader.
 *
 * Several plugins folders may be given ({@link #loadFolders}): the distribution's own and the
 * user's, for example; names are unique across all of them.
 *
 * <h2>Thread safety</h2>
 * Each {@code load} call is independent and runs on the calling thread.
 */
public final class PluginLoader {
    static final String NO_VERSION = "-";

    private final ClassLoader classPath;
    private final List<LoadedFactory> accepted = new ArrayList<>();
    private final Map<PluginKind, Map<String, String>> ownerOfName = new EnumMap<>(PluginKind.class);
    private final Map<String, Path> folderOfPlugin = new HashMap<>();
    private final List<PluginError> errors = new ArrayList<>();
    private final List<PluginClassLoader> loaders = new ArrayList<>();

    private PluginLoader(ClassLoader classPath) {
        this.classPath = classPath;
        for (PluginKind kind : PluginKind.values()) {
            ownerOfName.put(kind, new HashMap<>());
        }
    }

    /**
     * The plugins on the class path of {@code classPath} and in the sub-folders of {@code pluginsFolder}.
     *
     * @param classPath     where to look with ServiceLoader; also the parent of every plugin class loader
     * @param pluginsFolder the plugins folder, or {@code null}; a folder that does not exist holds no plugins
     */
    public static Plugins load(ClassLoader classPath, Path pluginsFolder) {
        return loadFolders(classPath, pluginsFolder == null ? List.of() : List.of(pluginsFolder));
    }

    /**
     * The plugins on the class path of {@code classPath} and in the sub-folders of each of {@code pluginsFolders},
     * in that order: a distribution's own plugins folder and a folder of the user's, say. Names are unique across
     * all of them: a plugin (or factory) whose name an earlier one already took is refused, naming both folders.
     *
     * @param classPath      where to look with ServiceLoader; also the parent of every plugin class loader
     * @param pluginsFolders the plugins folders, possibly none; a folder that does not exist holds no plugins
     */
    public static Plugins loadFolders(ClassLoader classPath, List<Path> pluginsFolders) {
        PluginLoader loader = new PluginLoader(classPath);
        loader.loadClassPath();
        for (Path folder : pluginsFolders) {
            loader.loadFolder(Objects.requireNonNull(folder, "plugins folder"));
        }
        return new Plugins(loader.accepted, loader.errors, loader.loaders);
    }

    /** The plugins on the class path of {@code classPath} only. */
    public static Plugins loadClassPath(ClassLoader classPath) {
        return load(classPath, null);
    }

    private void loadClassPath() {
        for (PluginKind kind : PluginKind.values()) {
            var providers = ServiceLoader.load(kind.factoryType(), classPath).stream().iterator();
            while (true) {
                try {
                    if (!providers.hasNext()) {
                        break;
                    }
                    var provider = providers.next();
                    Class<?> type = provider.type();
                    ClassLoader own = type.getClassLoader();
                    Object factory = ContextClassLoader.call(own, provider::get);
                    String name = ContextClassLoader.call(own, () -> kind.nameOf(factory));
                    String version = type.getPackage() == null || type.getPackage().getImplementationVersion() == null
                            ? NO_VERSION : type.getPackage().getImplementationVersion();
                    LoadedFactory loaded = loaded(kind, factory, own, name, name, version,
                            "class path (" + location(type) + ")");
                    String owner = ownerOfName.get(kind).putIfAbsent(name, loaded.origin());
                    if (owner != null) {
                        errors.add(new PluginError("class path", kind.label() + " '" + name + "' of " + type.getName()
                                + " is ignored: the name is already taken by " + owner, null));
                    } else {
                        accepted.add(loaded);
                    }
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    errors.add(new PluginError("class path", "a " + kind.label() + " factory could not be loaded: "
                            + e.getMessage(), e));
                }
            }
        }
    }

    private void loadFolder(Path pluginsFolder) {
        if (!Files.exists(pluginsFolder)) {
            return;
        }
        if (!Files.isDirectory(pluginsFolder)) {
            errors.add(new PluginError(pluginsFolder.toString(), "the plugins folder is not a directory", null));
            return;
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(pluginsFolder)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            errors.add(new PluginError(pluginsFolder.toString(), "cannot list the plugins folder: " + e, e));
            return;
        }
        for (Path folder : folders) {
            FolderPlugin plugin = new FolderPlugin(folder);
            try {
                loadPlugin(plugin);
            } catch (RuntimeException | LinkageError | IOException e) {
                plugin.fail("cannot be loaded: " + e, e);
            }
            if (plugin.failed()) {
                errors.addAll(plugin.errors());
                plugin.closeQuietly();
            } else {
                accept(plugin);
            }
        }
    }

    private void loadPlugin(FolderPlugin plugin) throws IOException {
        List<URL> jars = plugin.jars();
        if (jars.isEmpty()) {
            plugin.fail("holds no .jar file", null);
            return;
        }
        PluginClassLoader loader = plugin.open(jars, classPath);
        URL descriptorUrl = loader.findResource(PluginDescriptor.RESOURCE);
        if (descriptorUrl == null) {
            plugin.fail("no jar holds the plugin descriptor " + PluginDescriptor.RESOURCE, null);
            return;
        }
        PluginDescriptor descriptor;
        try (InputStream in = descriptorUrl.openStream()) {
            descriptor = PluginDescriptor.read(in, plugin.origin());
        } catch (IllegalArgumentException e) {
            plugin.fail(e.getMessage().substring(plugin.origin().length() + 2), e);
            return;
        }
        plugin.descriptor(descriptor);
        if (!descriptor.isCompatible()) {
            plugin.fail("plugin '" + descriptor.name() + "' was built against SPI version " + descriptor.spiVersion()
                    + ", but this Weir accepts SPI version " + SpiVersion.accepted(), null);
            return;
        }
        Path other = folderOfPlugin.get(descriptor.name());
        if (other != null) {
            plugin.fail("plugin name '" + descriptor.name() + "' is already used by the plugin in " + other, null);
            return;
        }
        for (PluginKind kind : PluginKind.values()) {
            for (String className : ServiceFiles.classNames(loader, kind.factoryType())) {
                instantiate(plugin, kind, className);
            }
        }
        if (!plugin.failed() && plugin.factories().isEmpty()) {
            plugin.fail("plugin '" + descriptor.name() + "' provides no factory (no META-INF/services file of "
                    + "the source, sink, state backend, scheduler or checkpoint storage factory interfaces)", null);
        }
    }

    private void instantiate(FolderPlugin plugin, PluginKind kind, String className) {
        PluginClassLoader loader = plugin.loader();
        String listed = kind.label() + " factory " + className;
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            plugin.fail(listed + " is listed in META-INF/services/" + kind.factoryType().getName()
                    + " but the class is missing", e);
            return;
        } catch (LinkageError e) {
            plugin.fail(listed + " cannot be loaded: " + e, e);
            return;
        }
        if (!kind.factoryType().isAssignableFrom(type)) {
            plugin.fail(listed + " does not implement " + kind.factoryType().getName()
                    + " (or bundles its own copy of the Weir SPI)", null);
            return;
        }
        try {
            Object factory = ContextClassLoader.call(loader, () -> construct(type));
            String name = ContextClassLoader.call(loader, () -> kind.nameOf(factory));
            Map<String, String> owners = ownerOfName.get(kind);
            if (owners.containsKey(name) || plugin.hasFactory(kind, name)) {
                plugin.fail(kind.label() + " name '" + name + "' of " + className + " is already taken by "
                        + owners.getOrDefault(name, "another factory of the same plugin"), null);
                return;
            }
            plugin.add(loaded(kind, factory, loader, name, plugin.descriptor().name(),
                    plugin.descriptor().version(), plugin.origin()));
        } catch (FactoryFailure e) {
            plugin.fail(listed + " threw when loaded: " + e.getCause(), e.getCause());
        } catch (RuntimeException | LinkageError e) {
            plugin.fail(listed + " threw when loaded: " + e, e);
        }
    }

    private static Object construct(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new FactoryFailure(e.getCause());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("it needs a public constructor without arguments");
        } catch (ReflectiveOperationException e) {
            throw new FactoryFailure(e);
        }
    }

    private void accept(FolderPlugin plugin) {
        loaders.add(plugin.loader());
        folderOfPlugin.put(plugin.descriptor().name(), plugin.folder());
        for (LoadedFactory f : plugin.factories()) {
            ownerOfName.get(f.kind()).put(f.name(), f.origin());
            accepted.add(f);
        }
    }

    private static LoadedFactory loaded(PluginKind kind, Object factory, ClassLoader loader, String name,
                                        String plugin, String version, String origin) {
        Object wrapped = ContextualFactories.wrap(kind, factory, loader);
        String description = ContextClassLoader.call(loader, () -> describe(kind, factory));
        return new LoadedFactory(kind, name, description, wrapped, plugin, version, origin, loader);
    }

    private static String describe(PluginKind kind, Object factory) {
        return switch (kind) {
            case SOURCE, SINK -> ((io.weir.spi.plugin.ConnectorFactory) factory).description();
            case STATE_BACKEND -> ((io.weir.spi.state.StateBackendFactory) factory).description();
            case SCHEDULER -> ((io.weir.spi.scheduler.SchedulerFactory) factory).description();
            case CHECKPOINT_STORAGE -> ((io.weir.spi.checkpoint.CheckpointStorageFactory) factory).description();
        };
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "built in";
        }
        String path = source.getLocation().getPath();
        int slash = path.endsWith("/") ? path.lastIndexOf('/', path.length() - 2) : path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    /** A factory's constructor threw: carries the plugin's exception. */
    private static final class FactoryFailure extends RuntimeException {
        FactoryFailure(Throwable cause) {
            super(cause);
        }
    }
}
