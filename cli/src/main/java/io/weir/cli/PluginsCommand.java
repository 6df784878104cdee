package io.weir.cli;

import io.weir.plugins.PluginError;
import io.weir.plugins.PluginLoader;
import io.weir.plugins.PluginRow;
import io.weir.plugins.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code weir plugins}: lists the factories found on the class path and in the plugins folders (name,
 * version, kind, origin), then the plugins that were refused and why. Exit code 0 either way: refused
 * plugins are reported, not fatal.
 *
 * <p>Plugins folders: every {@code --plugins-dir} given, else the folders of the system property
 * {@value #PLUGINS_DIR_PROPERTY} (separated by the platform's path separator, {@code :} on Unix), else
 * {@code ./plugins}. The launcher sets the property to the distribution's folder ({@code cli/target/plugins},
 * assembled by the build) followed by the user's {@code plugins/} beside the launcher.
 */
@Command(name = "plugins", description = "Lists the plugins on the class path and in the plugins folder, and the refused ones.")
final class PluginsCommand implements Callable<Integer> {
    /** System property that sets the default plugins folders, separated by {@link File#pathSeparator}. */
    static final String PLUGINS_DIR_PROPERTY = "weir.plugins.dir";

    @ParentCommand
    private WeirCli cli;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "A plugins folder, one sub-folder per plugin; repeat for several (default: the folders of -D"
                    + PLUGINS_DIR_PROPERTY + ", which the launcher sets to the distribution's and ./plugins).")
    private List<Path> pluginsDirs;

    /** The plugins folders: the options, else the system property's, else {@code plugins}. */
    static List<Path> folders(List<Path> options, String property) {
        if (options != null && !options.isEmpty()) {
            return List.copyOf(options);
        }
        if (property == null || property.isBlank()) {
            return List.of(Path.of("plugins"));
        }
        return Arrays.stream(property.split(Pattern.quote(File.pathSeparator))).filter(s -> !s.isBlank())
                .map(Path::of).toList();
    }

    @Override
    public Integer call() {
        List<Path> folders = folders(pluginsDirs, System.getProperty(PLUGINS_DIR_PROPERTY));
        PrintStream out = cli.out();
        try (Plugins plugins = PluginLoader.loadFolders(WeirCli.class.getClassLoader(), folders)) {
            List<PluginRow> rows = plugins.describe();
            out.println("Plugins (class path and " + folders.stream().map(f -> f.toAbsolutePath().normalize().toString())
                    .collect(Collectors.joining(", ")) + "):");
            if (rows.isEmpty()) {
                out.println("  none");
            } else {
                printTable(out, rows);
            }
            if (!plugins.errors().isEmpty()) {
                out.println("Refused:");
                for (PluginError error : plugins.errors()) {
                    out.println("  " + error);
                }
            }
        }
        out.flush();
        return WeirCli.EXIT_OK;
    }

    private static void printTable(PrintStream out, List<PluginRow> rows) {
        int name = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int version = Math.max(7, rows.stream().mapToInt(r -> r.version().length()).max().orElse(0));
        int kind = Math.max(4, rows.stream().mapToInt(r -> r.kind().label().length()).max().orElse(0));
        String format = "  %-" + name + "s  %-" + version + "s  %-" + kind + "s  %s%n";
        out.printf(format, "NAME", "VERSION", "KIND", "ORIGIN");
        for (PluginRow row : rows) {
            out.printf(format, row.name(), row.version(), row.kind().label(), row.origin());
        }
    }
}
