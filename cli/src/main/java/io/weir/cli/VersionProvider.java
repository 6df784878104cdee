package io.weir.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The text of {@code weir --version}: Weir's version, from {@code weir-version.properties} (filtered
 * from the POM at build time), and the JVM that runs it.
 */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "weir-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "weir " + weirVersion(),
            "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"
        };
    }

    /** Weir's version, or {@code "unknown"} when the resource is missing (a build that skipped resources). */
    static String weirVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
