package io.weir.proptest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Java source of a failing sample to {@code target/counterexamples/<property>.java} (each
 * failure overwrites the last, so after shrinking the file holds the shrunk sample): jqwik's report cuts
 * long samples short, the file never does.
 */
final class Counterexamples {
    private static final Path DIR = Path.of("target", "counterexamples");

    private Counterexamples() {
    }

    /** Runs {@code check}; when it fails, records {@code source} under {@code property} and rethrows. */
    static void recordOnFailure(String property, String source, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            Path file = DIR.resolve(property + ".java");
            try {
                Files.createDirectories(DIR);
                Files.writeString(file, "// " + firstLine(e) + "\n" + source + "\n");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new AssertionError("counterexample (as Java) in " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip().replace('\n', ' ');
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
