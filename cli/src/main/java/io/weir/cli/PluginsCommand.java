package io.weir.cli;

import io.weir.plugins.PluginError;
import io.weir.plugins.PluginLoader;
import io.weir.plugins.PluginRow;
import io.weir.plugins.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code weir plugins}: lists the factories found on the class path and in the plugins folder (name,
 * version, kind, origin), then the plugins that were refused and why. Exit code 0 either way: refused
 * plugins are reported, not fatal.
 */
@Command(name = "plugins", description = "Lists the plugins on the class path and in the plugins folder, and the refused ones.")
final class PluginsCommand implements Callable<Integer> {
    /** System property that sets the default plugins folder (the launcher may point it next to itself). */
    static final String PLUGINS_DIR_PROPERTY = "weir.plugins.dir";

    @ParentCommand
    private WeirCli cli;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "The plugins folder, one sub-folder per plugin (default: ./plugins, or -D" + PLUGINS_DIR_PROPERTY + ").")
    private Path pluginsDir;

    @Override
    public Integer call() {
        Path folder = pluginsDir != null ? pluginsDir : Path.of(System.getProperty(PLUGINS_DIR_PROPERTY, "plugins"));
        PrintStream out = cli.out();
        try (Plugins plugins = PluginLoader.load(WeirCli.class.getClassLoader(), folder)) {
            List<PluginRow> rows = plugins.describe();
            out.println("Plugins (class path and " + folder.toAbsolutePath().normalize() + "):");
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
