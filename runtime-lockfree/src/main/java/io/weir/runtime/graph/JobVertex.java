package io.weir.runtime.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A task: a chain of operator nodes that run in one tasklet per subtask, connected by plain method
 * calls. The head receives the vertex's network inputs (or is a source).
 */
public final class JobVertex {
    private final int id;
    private final OperatorNode head;
    final List<OperatorNode> nodes = new ArrayList<>();

    JobVertex(int id, OperatorNode head) {
        this.id = id;
        this.head = head;
    }

    public int id() {
        return id;
    }

    public OperatorNode head() {
        return head;
    }

    /** The chained nodes in topological order, head first. */
    public List<OperatorNode> nodes() {
        return List.copyOf(nodes);
    }

    public int parallelism() {
        return head.parallelism();
    }

    /** Network edges into the head. */
    public List<JobEdge> inputEdges() {
        return head.inputs.stream().filter(e -> !e.chained()).toList();
    }

    /** Network edges leaving any node of the chain. */
    public List<JobEdge> outputEdges() {
        List<JobEdge> out = new ArrayList<>();
        for (OperatorNode n : nodes) {
            for (JobEdge e : n.outputs) {
                if (!e.chained()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** {@code "Source: sequence -> map -> filter"}. */
    public String name() {
        return String.join(" -> ", nodes.stream().map(OperatorNode::name).toList());
    }

    /** Subtask display name, 1-based as Flink shows it: {@code "map -> filter (2/4)"}. */
    public String subtaskName(int subtask) {
        return name() + " (" + (subtask + 1) + "/" + parallelism() + ")";
    }

    @Override
    public String toString() {
        return "vertex " + id + ": " + name() + " [p=" + parallelism() + "]";
    }
}
