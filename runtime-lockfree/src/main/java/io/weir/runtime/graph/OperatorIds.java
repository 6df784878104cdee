package io.weir.runtime.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * The stable identity of an operator in checkpoints and savepoints: its {@code uid} when set, otherwise
 * an id derived from its position in the plan and its name ({@code "auto-3-map"}), which stays the same
 * as long as the program builds the same plan. Give operators a {@code uid} to restore a savepoint into
 * a changed program.
 */
public final class OperatorIds {
    private OperatorIds() {
    }

    /** The stable id of {@code node}. */
    public static String of(OperatorNode node) {
        String uid = node.transformation().uid();
        if (uid != null) {
            return uid;
        }
        return "auto-" + node.id() + "-" + node.name().replaceAll("[^A-Za-z0-9_.-]+", "_");
    }

    /** Checks that no two operators of {@code graph} share a uid; a clear error names them. */
    public static void checkUnique(JobGraph graph) {
        Map<String, OperatorNode> seen = new HashMap<>();
        for (OperatorNode n : graph.nodes()) {
            OperatorNode other = seen.putIfAbsent(of(n), n);
            if (other != null) {
                throw new IllegalArgumentException("operators " + other.label() + " and " + n.label()
                        + " have the same uid '" + of(n) + "'; a uid must be unique in a job");
            }
        }
    }
}
