package io.weir.perf.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of {@code perf-lab/target/benchmarks.jar}: runs JMH's own command line
 * ({@code org.openjdk.jmh.Main}) with the JVM flags that Agrona, JCTools and off-heap memory need
 * ({@code weir.jvm.flags} of the parent POM, filtered into the resource {@code weir-jvm.flags})
 * prepended to every forked benchmark VM. Annotations such as {@code @Fork(jvmArgsAppend = ...)} cannot
 * read Maven properties, hence this runner. Every JMH option works as usual, for example:
 * <pre>
 *   java -jar perf-lab/target/benchmarks.jar ChannelHandOff -f 1 -wi 2 -i 3 -r 2s
 * </pre>
 *
 * <h2>Thread safety</h2>
 * A {@code main} method; runs once per JVM.
 */
public final class BenchmarkMain {

    static final String FLAGS_RESOURCE = "weir-jvm.flags";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(withJvmFlags(args, jvmFlags()));
    }

    /** {@code args} with {@code -jvmArgsPrepend <flags>} in front (JMH adds up repeated options). */
    static String[] withJvmFlags(String[] args, String flags) {
        List<String> all = new ArrayList<>();
        if (!flags.isBlank()) {
            all.add("-jvmArgsPrepend");
            all.add(flags);
        }
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** The flags of the parent POM's {@code weir.jvm.flags}, one line. */
    static String jvmFlags() throws IOException {
        try (InputStream in = BenchmarkMain.class.getResourceAsStream(FLAGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + FLAGS_RESOURCE + " is missing: build perf-lab with Maven");
            }
            String flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            if (flags.contains("${")) {
                throw new IllegalStateException("resource " + FLAGS_RESOURCE + " was not filtered: " + flags);
            }
            return flags;
        }
    }
}
