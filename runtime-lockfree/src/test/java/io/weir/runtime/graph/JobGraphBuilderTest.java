package io.weir.runtime.graph;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.connector.Sinks;
import io.weir.api.execution.JobPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobGraphBuilderTest {

    private static JobGraph graphOf(StreamEnvironment env) {
        var plan = new JobPlan("test", sinks(env), env.getConfiguration().copy(), env.codecs());
        return JobGraphBuilder.build(plan);
    }

    @SuppressWarnings("unchecked")
    private static List<io.weir.api.graph.SinkTransformation<?>> sinks(StreamEnvironment env) {
        try {
            var f = StreamEnvironment.class.getDeclaredField("sinks");
            f.setAccessible(true);
            return (List<io.weir.api.graph.SinkTransformation<?>>) f.get(env);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldChainForwardOperatorsOfEqualParallelism() {
        var env = StreamEnvironment.create().setParallelism(2);
        env.fromSequence(1, 10).map(x -> x).filter(x -> true).sinkTo(Sinks.discard());
        JobGraph g = graphOf(env);
        assertThat(g.vertices()).hasSize(1);
        assertThat(g.vertices().getFirst().name()).isEqualTo("Source: sequence -> map -> filter -> Sink: discard");
    }

    @Test
    void shouldBreakChainsAtShufflesParallelismChangesAndDisabledChaining() {
        // as in Flink, disableChaining() isolates the operator from its predecessor and its successors
        var env = StreamEnvironment.create().setParallelism(2);
        env.fromSequence(1, 10).map(x -> x).keyBy(x -> x).reduce(Long::sum)
                .map(x -> x).setParallelism(3)
                .map(x -> x).setParallelism(3).disableChaining()
                .sinkTo(Sinks.discard()).setParallelism(3);
        JobGraph g = graphOf(env);
        assertThat(g.vertices()).extracting(JobVertex::name).containsExactly(
                "Source: sequence -> map", "reduce", "map", "map", "Sink: discard");
        assertThat(g.vertices().get(1).inputEdges().getFirst().partitioning().name()).isEqualTo("hash");
        assertThat(g.vertices().get(2).inputEdges().getFirst().partitioning().name()).isEqualTo("rebalance");
        assertThat(g.vertices().get(3).inputEdges().getFirst().partitioning().name()).isEqualTo("forward");
    }

    @Test
    void shouldNotChainTheTargetOfAUnion() {
        var env = StreamEnvironment.create().setParallelism(1);
        var a = env.fromSequence(1, 10);
        var b = env.fromSequence(1, 10);
        a.union(b).map(x -> x).sinkTo(Sinks.discard());
        JobGraph g = graphOf(env);
        assertThat(g.vertices()).extracting(JobVertex::name)
                .containsExactly("Source: sequence", "Source: sequence", "map -> Sink: discard");
        assertThat(g.vertices().get(2).inputEdges()).hasSize(2);
    }

    @Test
    void shouldUseMaxParallelismOption() {
        var env = StreamEnvironment.create().setParallelism(2).configure(ExecutionOptions.MAX_PARALLELISM, 16);
        env.fromSequence(1, 10).keyBy(x -> x).reduce(Long::sum).sinkTo(Sinks.discard());
        assertThat(graphOf(env).nodes()).allSatisfy(n -> assertThat(n.maxParallelism()).isEqualTo(16));
    }
}
