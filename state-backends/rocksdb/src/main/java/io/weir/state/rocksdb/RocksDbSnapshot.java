package io.weir.state.rocksdb;

import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.SnapshotWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A snapshot of a RocksDB backend as captured at the barrier: a native checkpoint in a local folder of its
 * own (hard links of the SST files, copies of the small files; the working database goes on) and, for heap
 * timers, a copy of them. {@link #write} then writes it incrementally ({@link IncrementalSnapshotWriter}:
 * SST files the job has not written yet, as shared files) when the writer offers shared files, the backend
 * is configured for it and the snapshot is no savepoint; otherwise fully ({@link FullSnapshotWriter}: a
 * self-contained dump per key group, readable by any parallelism). The local folder is deleted afterwards,
 * whatever happens.
 */
final class RocksDbSnapshot implements KeyedStateSnapshot {
    private final SnapshotContext context;
    private final Path local;
    private final List<TimerRows> heapTimers;
    private final SharedFiles sharedFiles;
    private final String instanceId;
    private final String fileStem;
    private final AtomicBoolean written = new AtomicBoolean();

    RocksDbSnapshot(SnapshotContext context, Path local, List<TimerRows> heapTimers, SharedFiles sharedFiles,
                    String instanceId, String fileStem) {
        this.context = context;
        this.local = local;
        this.heapTimers = heapTimers;
        this.sharedFiles = sharedFiles;
        this.instanceId = instanceId;
        this.fileStem = fileStem;
    }

    @Override
    public KeyedStateHandle write(SnapshotWriter writer) throws IOException {
        if (!written.compareAndSet(false, true)) {
            throw new IllegalStateException("operator '" + context.operatorName() + "': a snapshot is written once");
        }
        try {
            if (context.config().incremental() && writer.supportsSharedFiles() && !writer.savepoint()) {
                return new IncrementalSnapshotWriter(context, local, heapTimers, sharedFiles, instanceId)
                        .write(writer, fileStem + "-incremental");
            }
            return new FullSnapshotWriter(context, local, heapTimers).write(writer, fileStem + "-full");
        } finally {
            LocalFiles.deleteQuietly(local);
        }
    }

    @Override
    public String toString() {
        return "RocksDbSnapshot[" + context.operatorName() + ", " + local + "]";
    }
}
