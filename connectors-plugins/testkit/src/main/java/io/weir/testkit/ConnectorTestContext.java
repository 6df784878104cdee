package io.weir.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What the kit tells a connector under test about one test: a fresh directory of its own (for input files,
 * output files, an embedded store), the parallelism the job will run with, and a seed for any generated
 * data. Each test gets a new context; the directory is deleted after the test.
 *
 * @param directory   an empty, existing directory that belongs to this test only
 * @param parallelism the parallelism of the connector in the job(s) of this test
 * @param seed        the seed of {@link #lines(int)}; fixed, so that a test is repeatable
 */
public record ConnectorTestContext(Path directory, int parallelism, long seed) {
    public ConnectorTestContext {
        Objects.requireNonNull(directory, "directory");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    /**
     * {@code count} distinct lines of test data generated from {@link #seed()}, such as
     * {@code "r000042,7406,needle-17"}: a zero-padded index, a random number and a random word, separated by
     * commas, without quotes (valid both as text lines and as CSV rows). The same seed and count give
     * the same lines.
     */
    public List<String> lines(int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(String.format("r%06d,%d,%s-%d", i, random.nextInt(10_000),
                    WORDS[random.nextInt(WORDS.length)], random.nextInt(100)));
        }
        return lines;
    }

    private static final String[] WORDS = {"weir", "river", "needle", "sluice", "basin", "eddy", "spillway", "lock"};
}
