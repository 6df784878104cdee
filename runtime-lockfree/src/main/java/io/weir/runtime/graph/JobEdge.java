package io.weir.runtime.graph;

import io.weir.api.datastream.OutputTag;
import io.weir.api.graph.Partitioning;

/**
 * A physical edge between two operator nodes: records of {@code source} (its main output, or the side
 * output {@code tag}) flow to {@code target}, distributed by {@code partitioning}.
 *
 * @param source       producing node
 * @param target       consuming node
 * @param partitioning how records are distributed (resolved: never {@code null})
 * @param tag          side output selected on this edge, or {@code null} for the main output
 * @param chained      {@code true} when both nodes run in the same task (a plain method call)
 */
public record JobEdge(OperatorNode source, OperatorNode target, Partitioning partitioning, OutputTag<?> tag, boolean chained) {

    /** A description for plans and messages, such as {@code "map#2 -hash-> reduce#4"}. */
    public String describe() {
        return source.label() + " -" + (chained ? "chained" : partitioning.name()) + (tag == null ? "" : "[" + tag.id() + "]")
                + "-> " + target.label();
    }
}
