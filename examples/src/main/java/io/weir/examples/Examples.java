package io.weir.examples;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of example jobs: every {@link ExampleJob} that {@link ServiceLoader} finds on the class
 * path, sorted by name. Two examples with the same name are a packaging mistake and rejected.
 *
 * <h2>Thread safety</h2>
 * Immutable once built.
 */
public final class Examples {
    private final List<ExampleJob> jobs;

    private Examples(List<ExampleJob> jobs) {
        List<ExampleJob> sorted = jobs.stream().sorted(Comparator.comparing(ExampleJob::name)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalStateException("two examples are named '" + sorted.get(i).name() + "': "
                        + sorted.get(i - 1).getClass().getName() + " and " + sorted.get(i).getClass().getName());
            }
        }
        this.jobs = sorted;
    }

    /** The examples that {@link ServiceLoader} finds through the class loader of this class. */
    public static Examples discover() {
        return of(ServiceLoader.load(ExampleJob.class, Examples.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** A registry holding exactly {@code jobs} (for tests and embedding). */
    public static Examples of(List<? extends ExampleJob> jobs) {
        return new Examples(List.copyOf(jobs));
    }

    /** Every example, sorted by name. */
    public List<ExampleJob> all() {
        return jobs;
    }

    /** Every example's name, sorted. */
    public List<String> names() {
        return jobs.stream().map(ExampleJob::name).toList();
    }

    /** The example called {@code name} (exact match), if there is one. */
    public Optional<ExampleJob> find(String name) {
        return jobs.stream().filter(job -> job.name().equals(name)).findFirst();
    }
}
