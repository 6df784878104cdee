package io.weir.runtime.graph;

import java.util.List;

/**
 * The physical plan: tasks (vertices, each a chain of operators) in topological order, and every edge.
 *
 * @param jobName  the job's name
 * @param vertices tasks, sources first, in topological order
 * @param nodes    every operator node, in topological order
 */
public record JobGraph(String jobName, List<JobVertex> vertices, List<OperatorNode> nodes) {

    /** A multi-line description, one vertex a line with its edges, for logs and {@code weir plan}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("job '").append(jobName).append("'\n");
        for (JobVertex v : vertices) {
            sb.append("  ").append(v).append('\n');
            for (JobEdge e : v.outputEdges()) {
                sb.append("    ").append(e.describe()).append('\n');
            }
        }
        return sb.toString();
    }
}
