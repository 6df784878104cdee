package io.weir.runtime.task;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.Partitioner;
import io.weir.runtime.exchange.ChannelWriter;
import io.weir.runtime.graph.KeyGroups;
import io.weir.runtime.operators.OperatorException;

/** The {@link RecordWriter} for each partitioning. */
final class Partitioners {
    private Partitioners() {
    }

    /** Forward and global: every record to one channel. */
    static final class Single extends RecordWriter {
        private final ChannelWriter target;

        Single(ChannelWriter[] channels, int target) {
            super(channels);
            this.target = channels[target];
        }

        @Override
        public void emit(Object value, long timestamp) {
            target.writeRecord(value, timestamp);
        }
    }

    /** Rebalance and rescale: round-robin over the channels (starting at the producer's index, for determinism). */
    static final class RoundRobin extends RecordWriter {
        private int next;

        RoundRobin(ChannelWriter[] channels, int start) {
            super(channels);
            this.next = Math.floorMod(start, channels.length);
        }

        @Override
        public void emit(Object value, long timestamp) {
            channels[next].writeRecord(value, timestamp);
            if (++next == channels.length) {
                next = 0;
            }
        }
    }

    /** Every record to every channel. */
    static final class Broadcast extends RecordWriter {
        Broadcast(ChannelWriter[] channels) {
            super(channels);
        }

        @Override
        public void emit(Object value, long timestamp) {
            for (ChannelWriter c : channels) {
                c.writeRecord(value, timestamp);
            }
        }
    }

    /** keyBy: key -> key group -> owning subtask, as Flink assigns them. */
    static final class ByKeyGroup extends RecordWriter {
        private final KeySelector<Object, Object> keySelector;
        private final int maxParallelism;
        private final String edgeName;

        @SuppressWarnings("unchecked")
        ByKeyGroup(ChannelWriter[] channels, KeySelector<?, ?> keySelector, int maxParallelism, String edgeName) {
            super(channels);
            this.keySelector = (KeySelector<Object, Object>) keySelector;
            this.maxParallelism = maxParallelism;
            this.edgeName = edgeName;
        }

        @Override
        public void emit(Object value, long timestamp) {
            Object key = key(keySelector, value, edgeName);
            // one channel: no key group to compute (the key is still extracted, so a bad key fails here)
            int channel = channels.length == 1 ? 0 : KeyGroups.subtaskFor(key, maxParallelism, channels.length);
            channels[channel].writeRecord(value, timestamp);
        }
    }

    /** partitionCustom: the user's partitioner over the key. */
    static final class ByCustom extends RecordWriter {
        private final Partitioner<Object> partitioner;
        private final KeySelector<Object, Object> keySelector;
        private final String edgeName;

        @SuppressWarnings("unchecked")
        ByCustom(ChannelWriter[] channels, Partitioner<?> partitioner, KeySelector<?, ?> keySelector, String edgeName) {
            super(channels);
            this.partitioner = (Partitioner<Object>) partitioner;
            this.keySelector = (KeySelector<Object, Object>) keySelector;
            this.edgeName = edgeName;
        }

        @Override
        public void emit(Object value, long timestamp) {
            Object key = key(keySelector, value, edgeName);
            int target;
            try {
                target = partitioner.partition(key, channels.length);
            } catch (RuntimeException e) {
                throw new OperatorException(edgeName, -1, "custom partitioner failed", e);
            }
            if (target < 0 || target >= channels.length) {
                throw new OperatorException(edgeName, -1, "custom partitioner failed", new IllegalArgumentException(
                        "partition " + target + " for key " + key + " is outside [0, " + channels.length + ")"));
            }
            channels[target].writeRecord(value, timestamp);
        }
    }

    static Object key(KeySelector<Object, Object> selector, Object value, String edgeName) {
        Object key;
        try {
            key = selector.getKey(value);
        } catch (Exception e) {
            throw new OperatorException(edgeName, -1, "key selector failed", e);
        }
        if (key == null) {
            throw new OperatorException(edgeName, -1, "key selector failed",
                    new NullPointerException("the key selector returned null for " + value));
        }
        return key;
    }
}
