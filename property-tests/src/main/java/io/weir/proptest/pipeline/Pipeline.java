package io.weir.proptest.pipeline;

import java.io.Serializable;
import java.util.List;

/**
 * A pipeline: one or more {@link Branch}es (unioned when more than one), an optional {@link KeyedStage}
 * after {@code keyBy(Ev::key)}, then stateless stages ({@code post}, which never change the key) and the
 * transactional sink.
 *
 * <p>Deterministic by construction, so that the output is a function of the pipeline alone: each source
 * has parallelism 1 and a watermark after every record; with several branches, their key sets are
 * disjoint, no pre-stage maps keys, and every record is at least 2 ms ahead of its own branch's watermark
 * (so no record is late and no window is touched after it fired, whatever the interleaving).
 *
 * @param branches the sources
 * @param keyed    the keyed stage, or {@code null} for none
 * @param post     stateless stages after the keyed stage (or after the union)
 */
public record Pipeline(List<Branch> branches, KeyedStage keyed, List<Stage> post) implements Serializable {
    public Pipeline {
        branches = List.copyOf(branches);
        post = List.copyOf(post);
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one branch");
        }
        for (Stage s : post) {
            if (s instanceof Stage.MapKey) {
                throw new IllegalArgumentException("post stages must not change the key: " + s);
            }
        }
        if (branches.size() > 1) {
            for (Branch b : branches) {
                if (b.pre().stream().anyMatch(s -> s instanceof Stage.MapKey)) {
                    throw new IllegalArgumentException("a union's branches must keep their keys apart: " + b.pre());
                }
            }
        }
    }

    /** The number of source records. */
    public int inputCount() {
        return branches.stream().mapToInt(b -> b.inputs().size()).sum();
    }
}
