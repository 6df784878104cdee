package io.weir.api.graph;

import io.weir.api.annotation.Internal;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.Partitioner;

/** How records are distributed from one operator's subtasks to the next's. */
@Internal
public sealed interface Partitioning {

    /** A short name for plans and messages. */
    String name();

    /** Subtask i sends to subtask i; needs equal parallelism. Lets operators chain. */
    record Forward() implements Partitioning {
        public String name() {
            return "forward";
        }
    }

    /** Round-robin over all downstream subtasks. */
    record Rebalance() implements Partitioning {
        public String name() {
            return "rebalance";
        }
    }

    /** Round-robin over a local subset of downstream subtasks (as Flink's rescale). */
    record Rescale() implements Partitioning {
        public String name() {
            return "rescale";
        }
    }

    /** Every record to every downstream subtask. */
    record Broadcast() implements Partitioning {
        public String name() {
            return "broadcast";
        }
    }

    /** Everything to downstream subtask 0. */
    record Global() implements Partitioning {
        public String name() {
            return "global";
        }
    }

    /** By key: key hash -> key group -> the subtask that owns the key group. */
    record KeyGroups(KeySelector<?, ?> keySelector) implements Partitioning {
        public String name() {
            return "hash";
        }
    }

    /** By a user {@link Partitioner} over a key. */
    record Custom(Partitioner<?> partitioner, KeySelector<?, ?> keySelector) implements Partitioning {
        public String name() {
            return "custom";
        }
    }
}
