package io.weir.jcstress;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs jcstress with the given command-line options (as {@code org.openjdk.jcstress.Main} does), then
 * reads the results back, prints a one-line summary and exits with status 1 when any test failed or
 * errored, or when no test ran at all. (jcstress 0.16 itself ends with an {@link AssertionError} when
 * an outcome is forbidden, but exits with 0 when it found no test, for example when the annotation
 * processor did not run, and reports VM errors only in its text output.)
 *
 * <p>Besides jcstress' own presets ({@code sanity, quick, default, tough, stress}) the mode
 * {@value #SHORT_MODE} is accepted: the sanity preset (every VM and compiler configuration, one
 * iteration) with {@value #SHORT_TIME_MS} ms per iteration, thousands of samples per configuration
 * in about a minute on two cores: the budget of a normal build.
 *
 * <h2>Thread safety</h2>
 * A {@code main} method; runs once per JVM.
 */
public final class JcstressGate {

    /** Weir's build-time mode, see the class comment. */
    static final String SHORT_MODE = "short";
    static final int SHORT_TIME_MS = 200;

    private JcstressGate() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(expandShortMode(args));
        if (!options.parse()) {
            System.exit(1);
        }
        new JCStress(options).run();

        if (!Files.exists(Path.of(options.getResultFile()))) {
            System.out.println("jcstress: no test ran (no result file); check the test filter and the annotation processor");
            System.exit(1);
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(options.getResultFile(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        Collection<TestResult> results = collector.getTestResults();
        List<String> failed = new ArrayList<>();
        for (TestResult result : results) {
            if (result.status() != Status.NORMAL) {
                failed.add(result.getName() + " (" + result.status() + ")");
            } else if (!result.grading().isPassed) {
                failed.add(result.getName() + " (forbidden outcome: " + result.grading().failureMessages + ")");
            }
        }
        System.out.println();
        System.out.println("jcstress: " + (results.size() - failed.size()) + " passed, " + failed.size() + " failed");
        if (results.isEmpty()) {
            System.out.println("jcstress: no test ran; check the test filter and the annotation processor");
            System.exit(1);
        }
        if (!failed.isEmpty()) {
            failed.forEach(name -> System.out.println("jcstress FAILED: " + name));
            System.exit(1);
        }
    }

    /** Replaces {@code -m short} by the sanity preset with a longer iteration and a larger stride. */
    static String[] expandShortMode(String[] args) {
        List<String> list = new ArrayList<>(List.of(args));
        int mode = list.indexOf("-m");
        if (mode >= 0 && mode + 1 < list.size() && list.get(mode + 1).equals(SHORT_MODE)) {
            list.set(mode + 1, "sanity");
            list.addAll(List.of("-time", String.valueOf(SHORT_TIME_MS), "-strideSize", "64"));
        }
        return list.toArray(String[]::new);
    }
}
