package io.weir.connectors.chronicle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chronicle connector's test-kit classes share: Chronicle's JVM-wide threads, open queue files. */
final class ChronicleKit {
    private ChronicleKit() {
    }

    /**
     * Chronicle's JVM-wide daemon threads (the background resource releaser, the disk-space checker), started
     * with the first queue of the JVM and shared by every queue after it: not a job's.
     */
    static boolean isChronicleDaemon(Thread thread) {
        String name = thread.getName();
        return name.equals("background~resource~releaser") || name.contains("disk~space")
                || name.contains("DiskSpaceMonitor");
    }

    /** No descriptor of this JVM is open on a file under {@code folder} (Linux; elsewhere nothing is checked). */
    static void assertNoOpenFilesUnder(Path folder) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return;
        }
        Path real = folder.toRealPath();
        List<Path> open = new ArrayList<>();
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : entries.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(real)) {
                        open.add(target);
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // the descriptor of the listing itself, or one closed meanwhile
                }
            }
        }
        assertThat(open).as("queue files left open").isEmpty();
    }
}
