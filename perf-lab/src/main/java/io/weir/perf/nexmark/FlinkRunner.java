package io.weir.perf.nexmark;

import io.weir.connectors.datagen.EventTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the Apache Flink runner plugs in: {@code weir bench <workload> --vs flink} runs the same workload on Flink
 * in a child JVM (Flink needs a JDK it supports, such as 17), which writes a run folder by the same contract
 * ({@code docs/bench-run-format.md}):
 * <pre>
 *   &lt;java&gt; -cp &lt;flink-runner-classpath&gt; io.weir.perf.flink.FlinkBenchMain --workload q5 --events N --rate R
 *         --parallelism P --checkpoint-interval-ms C --out &lt;dir&gt; --seed S --start-millis T0
 *         --event-interval-ns I --out-of-orderness-ms 0 --late-fraction 0.0
 * </pre>
 * The runner is found through, in order: the given class path, {@code $WEIR_FLINK_CLASSPATH} (either may also be
 * {@code @<argument file>}), the argument file
 * {@value #ARGFILE} under the Weir folder (JVM flags and class path, used as {@code java @file}), or the file
 * {@value #CLASSPATH_FILE} (one line: the class path); module {@code perf-lab-flink}, built with the Maven profile
 * {@value #PROFILE}, writes both. The JVM: the given one, {@code $WEIR_FLINK_JAVA} (a {@code java} executable),
 * {@code $WEIR_FLINK_JAVA_HOME/bin/java}, or a JDK 17 under {@code /usr/lib/jvm}.
 *
 * @param java    the {@code java} executable of the child JVM
 * @param jvmArgs what comes before the main class: {@code -cp <class path>} or {@code @<argument file>}
 */
public record FlinkRunner(Path java, List<String> jvmArgs) {
    /** The runner's main class. */
    public static final String MAIN_CLASS = "io.weir.perf.flink.FlinkBenchMain";
    /** The Maven profile that builds the runner. */
    public static final String PROFILE = "flink";
    /** Where the build writes the runner's class path, relative to the Weir folder. */
    public static final String CLASSPATH_FILE = "perf-lab-flink/target/flink-bench.classpath";
    /** Where the build writes the runner's JVM flags and class path as a {@code java @file} argument file. */
    public static final String ARGFILE = "perf-lab-flink/target/flink-bench.argfile";
    /** How to build the runner. */
    public static final String BUILD = "./mvnw -B -P" + PROFILE + " -pl perf-lab-flink -am package -DskipTests";

    public FlinkRunner {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * This runner with the heap and collector flags of {@code weirJvmArguments} (the Weir JVM's own, from
     * {@code RuntimeMXBean.getInputArguments()}) before its class path, so that both engines of a side-by-side run get
     * the same heap (size, pre-touched or not) and the same garbage collector: {@code -Xms}, {@code -Xmx}, {@code -Xmn},
     * {@code -XX:[+-]AlwaysPreTouch}, {@code -XX:+Use...GC}, {@code -XX:MaxGCPauseMillis=}. Other flags (module
     * openings, JDK 25-only options) are not passed: the child runs on another JDK.
     */
    public FlinkRunner withMemoryFlags(List<String> weirJvmArguments) {
        List<String> flags = new ArrayList<>(memoryFlags(weirJvmArguments));
        flags.addAll(jvmArgs);
        return new FlinkRunner(java, flags);
    }

    /** The heap and collector flags among {@code jvmArguments}, in their order (see {@link #withMemoryFlags}). */
    public static List<String> memoryFlags(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(a -> a.startsWith("-Xms") || a.startsWith("-Xmx") || a.startsWith("-Xmn")
                        || a.equals("-XX:+AlwaysPreTouch") || a.equals("-XX:-AlwaysPreTouch")
                        || a.matches("-XX:\\+Use[A-Za-z0-9]*GC") || a.startsWith("-XX:MaxGCPauseMillis="))
                .toList();
    }

    /** A runner on {@code classpath}. */
    public static FlinkRunner onClasspath(Path java, String classpath) {
        return new FlinkRunner(java, List.of("-cp", classpath));
    }

    /**
     * The runner, if it can be found.
     *
     * @param classpath an explicit class path, or {@code null}
     * @param java      an explicit {@code java} executable, or {@code null}
     * @param env       the environment variables
     * @param weirHome  the Weir folder, or {@code null}
     * @return the runner, or a message saying what is missing and how to enable it
     */
    public static Located locate(String classpath, Path java, Map<String, String> env, Path weirHome) {
        List<String> args = null;
        String cp = classpath != null && !classpath.isBlank() ? classpath : env.get("WEIR_FLINK_CLASSPATH");
        if (cp != null && !cp.isBlank()) {
            args = cp.startsWith("@") ? List.of(cp) : List.of("-cp", cp);
        }
        Path argFile = weirHome == null ? null : weirHome.resolve(ARGFILE);
        if (args == null && argFile != null && Files.isRegularFile(argFile)) {
            args = List.of("@" + argFile);
        }
        Path cpFile = weirHome == null ? null : weirHome.resolve(CLASSPATH_FILE);
        if (args == null && cpFile != null && Files.isRegularFile(cpFile)) {
            try {
                args = List.of("-cp", Files.readString(cpFile, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + cpFile + ": " + e.getMessage(), e);
            }
        }
        if (args == null) {
            return new Located(Optional.empty(), "the Flink runner is not available: no class path in --flink-classpath, "
                    + "$WEIR_FLINK_CLASSPATH, " + (argFile == null ? ARGFILE : argFile) + " or "
                    + (cpFile == null ? CLASSPATH_FILE : cpFile) + ". Build it with the Maven profile '" + PROFILE + "' ("
                    + BUILD + "), which writes those files, or point WEIR_FLINK_CLASSPATH at a class path holding " + MAIN_CLASS);
        }
        Optional<Path> jvm = Optional.ofNullable(java)
                .or(() -> Optional.ofNullable(env.get("WEIR_FLINK_JAVA")).map(Path::of))
                .or(() -> Optional.ofNullable(env.get("WEIR_FLINK_JAVA_HOME")).map(h -> Path.of(h, "bin", "java")))
                .or(FlinkRunner::jdk17);
        if (jvm.isEmpty() || !Files.isExecutable(jvm.get())) {
            return new Located(Optional.empty(), "the Flink runner needs a JDK that Flink supports (17): none found "
                    + (jvm.map(p -> "at " + p).orElse("under /usr/lib/jvm")) + "; set WEIR_FLINK_JAVA_HOME or --flink-java");
        }
        return new Located(Optional.of(new FlinkRunner(jvm.get(), args)), "");
    }

    /** The outcome of {@link #locate}: the runner, or why there is none. */
    public record Located(Optional<FlinkRunner> runner, String problem) {
    }

    /**
     * The child JVM's command line for {@code config}, writing its run folder into {@code out}: the workload, events,
     * rate, parallelism, checkpoint interval and seed of {@code config}, and the event time of Weir's harness
     * ({@link Schedule#eventTimeFor}: event 0's time, the interval between events, no disorder, no late events), so
     * that both engines generate the same events with the same timestamps.
     */
    public List<String> command(BenchConfig config, Path out) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(jvmArgs);
        command.add(MAIN_CLASS);
        EventTime eventTime = Schedule.eventTimeFor(config.rate());
        command.addAll(List.of("--workload", config.workload().id(), "--events", Long.toString(config.events()),
                "--rate", Long.toString(config.rate()), "--parallelism", Integer.toString(config.parallelism()),
                "--checkpoint-interval-ms", Long.toString(config.checkpointInterval().toMillis()),
                "--out", out.toString(), "--seed", Long.toString(config.seed()),
                "--start-millis", Long.toString(eventTime.startMillis()),
                "--event-interval-ns", Long.toString(eventTime.intervalNanos()),
                "--out-of-orderness-ms", Long.toString(eventTime.outOfOrdernessMs()),
                "--late-fraction", Double.toString(eventTime.lateFraction())));
        if (config.warmup() > 0) {
            // the same warm-up as Weir's: a job first (throughput), or results of the first events not measured (latency)
            command.addAll(List.of("--warmup", Long.toString(config.warmup())));
        }
        return command;
    }

    /**
     * Runs the Flink runner for {@code config} (its output goes to this process's standard output and error) and
     * waits for it.
     *
     * @throws IllegalStateException if it exits with an error or writes no run folder
     */
    public void run(BenchConfig config, Path out) {
        List<String> command = command(config, out);
        try {
            Files.createDirectories(out);
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the Flink runner exited with " + exit + ": " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Flink runner (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Flink runner ran", e);
        }
        if (!Files.isRegularFile(out.resolve(io.weir.perf.report.RunFolder.SUMMARY))) {
            throw new IllegalStateException("the Flink runner wrote no " + io.weir.perf.report.RunFolder.SUMMARY + " into " + out);
        }
    }

    private static Optional<Path> jdk17() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> d.getFileName().toString().contains("-17"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(d -> d.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
