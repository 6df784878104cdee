package io.weir.runtime.checkpoint;

import io.weir.spi.checkpoint.PendingCheckpoint;

/**
 * What tasks see of the checkpoint coordinator: where to write, where to report.
 *
 * <h2>Thread safety</h2>
 * All methods may be called from any thread (task threads, the asynchronous snapshot threads).
 */
public interface CheckpointGateway {

    /** The storage of checkpoint {@code checkpointId} while it is pending, or {@code null} once aborted or done. */
    PendingCheckpoint pending(long checkpointId);

    /** Runs the asynchronous part of a snapshot off the data path. */
    void runAsync(Runnable task);

    /** Reports a tasklet's part of a checkpoint (or its decline). */
    void acknowledge(SubtaskAck ack);

    /** A gateway for jobs without checkpoints: nothing is ever pending. */
    CheckpointGateway NONE = new CheckpointGateway() {
        @Override
        public PendingCheckpoint pending(long checkpointId) {
            return null;
        }

        @Override
        public void runAsync(Runnable task) {
            throw new IllegalStateException("checkpointing is not enabled");
        }

        @Override
        public void acknowledge(SubtaskAck ack) {
        }
    };
}
