package io.weir.proptest.job;

import io.weir.proptest.faults.FailureSchedule;
import io.weir.proptest.pipeline.Branch;
import io.weir.proptest.pipeline.Input;
import io.weir.proptest.pipeline.KeyedStage;
import io.weir.proptest.pipeline.Pipeline;
import io.weir.proptest.pipeline.Stage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints scenarios as Java expressions that rebuild them (with the imports of {@code io.weir.proptest}
 * types, {@code java.util.List}, {@code ExchangeMode} and {@code FaultPoint}), for regression examples.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
public final class JavaSource {
    private JavaSource() {
    }

    /** {@code new Scenario(...)}. */
    public static String of(Scenario s) {
        return "new Scenario(\n    " + of(s.pipeline()) + ",\n    " + of(s.config()) + ",\n    " + of(s.failures()) + ")";
    }

    /** {@code new Pipeline(...)}. */
    public static String of(Pipeline p) {
        return "new Pipeline(List.of(" + p.branches().stream().map(JavaSource::of).collect(Collectors.joining(",\n        "))
                + "),\n        " + keyed(p.keyed()) + ",\n        " + stages(p.post()) + ")";
    }

    static String of(Branch b) {
        return "new Branch(" + inputs(b.inputs()) + ", " + b.bound() + "L, " + stages(b.pre()) + ")";
    }

    static String inputs(List<Input> inputs) {
        if (inputs.isEmpty()) {
            return "List.of()";
        }
        return "Input.list(" + inputs.stream().map(i -> i.key() + ", " + i.value() + ", " + i.ts())
                .collect(Collectors.joining(",  ")) + ")";
    }

    static String stages(List<Stage> stages) {
        return "List.of(" + stages.stream().map(JavaSource::stage).collect(Collectors.joining(", ")) + ")";
    }

    static String stage(Stage s) {
        return switch (s) {
            case Stage.MapValue m -> "new Stage.MapValue(" + m.mul() + "L, " + m.add() + "L)";
            case Stage.MapKey m -> "new Stage.MapKey(" + m.mul() + ", " + m.add() + ", " + m.mod() + ")";
            case Stage.Filter f -> "new Stage.Filter(" + f.mod() + ", " + f.rem() + ")";
            case Stage.FlatMap f -> "new Stage.FlatMap(" + f.copies() + ")";
        };
    }

    static String keyed(KeyedStage k) {
        return switch (k) {
            case null -> "null";
            case KeyedStage.RollingReduce r -> "new KeyedStage.RollingReduce()";
            case KeyedStage.CountingProcess c -> "new KeyedStage.CountingProcess()";
            case KeyedStage.Window w -> "new KeyedStage.Window(" + switch (w.kind()) {
                case KeyedStage.Tumbling t -> "new KeyedStage.Tumbling(" + t.size() + "L)";
                case KeyedStage.Sliding sl -> "new KeyedStage.Sliding(" + sl.size() + "L, " + sl.slide() + "L)";
                case KeyedStage.Session se -> "new KeyedStage.Session(" + se.gap() + "L)";
            } + ", " + w.lateness() + "L)";
        };
    }

    static String of(RunConfig c) {
        return "new RunConfig(" + c.parallelism() + ", " + c.maxParallelism() + ", \"" + c.scheduler() + "\", ExchangeMode."
                + c.exchange().name() + ", \"" + c.backend() + "\", " + c.checkpointIntervalMs() + "L, " + c.restartAttempts()
                + ", " + c.restartDelayMs() + "L, " + c.seed() + "L)";
    }

    static String of(FailureSchedule f) {
        if (f.failures().isEmpty()) {
            return "FailureSchedule.none()";
        }
        return "new FailureSchedule(List.of(" + f.failures().stream()
                .map(x -> "new FailureSchedule.Failure(FaultPoint." + x.point().name() + ", " + x.after() + "L)")
                .collect(Collectors.joining(", ")) + "))";
    }
}
