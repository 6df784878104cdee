package io.weir.proptest;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the shrunk sample of a failed property, whole, to {@code target/counterexamples/<property>.java}
 * as Java ({@code Scenario.toString()} is Java source), with jqwik's seed: jqwik's own report cuts long
 * samples short. Paste the file's scenario into {@code RegressionExamplesTest}.
 */
public final class CounterexampleHook implements AroundPropertyHook {
    private static final Path DIR = Path.of("target", "counterexamples");

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
        PropertyExecutionResult result = property.execute();
        if (result.status() == PropertyExecutionResult.Status.FAILED) {
            java.util.Optional<? extends net.jqwik.api.lifecycle.FalsifiedSample> falsified = result.shrunkSample().isPresent()
                    ? result.shrunkSample() : result.originalSample();
            falsified.ifPresent(sample -> {
                List<Object> parameters = sample.parameters();
                String source = "// property " + context.label() + ", seed " + result.seed().orElse("?") + "\n// "
                        + sample.falsifyingError().map(e -> String.valueOf(e.getMessage()).strip().replace('\n', ' '))
                        .map(m -> m.length() > 400 ? m.substring(0, 400) + "..." : m).orElse("") + "\n"
                        + "// needs: io.weir.proptest.pipeline.*, io.weir.proptest.job.*, io.weir.proptest.faults.FailureSchedule,\n"
                        + "//        io.weir.runtime.fault.FaultPoint, io.weir.api.config.ExchangeMode, java.util.List\n"
                        + parameters.stream().map(String::valueOf).collect(Collectors.joining(",\n\n")) + "\n";
                Path file = DIR.resolve(context.targetMethod().getName() + ".java");
                try {
                    Files.createDirectories(DIR);
                    Files.writeString(file, source);
                    System.out.println("[property-tests] counterexample written to " + file.toAbsolutePath());
                } catch (IOException e) {
                    System.out.println("[property-tests] cannot write " + file + ": " + e);
                }
            });
        }
        return result;
    }
}
