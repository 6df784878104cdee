package io.weir.perf.state;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.runtime.checkpoint.storage.KeyedSnapshotCheckpoints;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Incremental against full checkpoints when 1% of the keys change between two checkpoints: fills
 * {@code --keys} keys of value state ({@code --value-bytes} random bytes each) on the RocksDB backend,
 * takes an incremental checkpoint, changes {@code --changed-percent} of the keys, then takes another
 * incremental checkpoint, a full RocksDB snapshot (what savepoints write) and, for comparison, a heap
 * backend snapshot of the same state. Reports per snapshot the synchronous part (at the barrier), the
 * asynchronous part (writing) and the bytes written.
 *
 * <pre>
 *   java -cp perf-lab/target/benchmarks.jar io.weir.perf.state.CheckpointSizeHarness --keys 1000000
 * </pre>
 */
public final class CheckpointSizeHarness {
    private CheckpointSizeHarness() {
    }

    public static void main(String[] args) throws Exception {
        int keys = Integer.parseInt(option(args, "--keys", "1000000"));
        int valueBytes = Integer.parseInt(option(args, "--value-bytes", "100"));
        double changed = Double.parseDouble(option(args, "--changed-percent", "1"));
        Path dir = Files.createTempDirectory("weir-checkpoint-harness");
        System.out.printf("%d keys x %d-byte values (%.0f MB raw), %.1f%% of keys changed between checkpoints%n",
                keys, valueBytes, keys * (double) valueBytes / 1e6, changed);
        try {
            KeyedStateManager rocks = manager("rocksdb", dir);
            KeyedStateManager heap = manager("heap", dir);
            ValueStateDescriptor<byte[]> d = new ValueStateDescriptor<>("blob", byte[].class);
            ValueState<byte[]> rv = rocks.getState(d);
            ValueState<byte[]> hv = heap.getState(d);
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < keys; i++) {
                byte[] value = new byte[valueBytes];
                random.nextBytes(value);
                rocks.setCurrentKey(i);
                rv.update(value);
                heap.setCurrentKey(i);
                hv.update(value);
            }
            KeyedSnapshotCheckpoints checkpoints = new KeyedSnapshotCheckpoints(dir.resolve("checkpoints"));
            report("rocksdb incremental, first", 1, rocks, (id, s) -> checkpoints.write(id, s, false));
            int changes = (int) (keys * changed / 100);
            for (int n = 0; n < changes; n++) {
                int key = random.nextInt(keys);
                byte[] value = new byte[valueBytes];
                random.nextBytes(value);
                rocks.setCurrentKey(key);
                rv.update(value);
                heap.setCurrentKey(key);
                hv.update(value);
            }
            report("rocksdb incremental, 1% changed", 2, rocks, (id, s) -> checkpoints.write(id, s, false));
            report("rocksdb full (savepoint)", 3, rocks, (id, s) -> checkpoints.write(id, s, true));
            FileSystemCheckpointStorage plain = new FileSystemCheckpointStorage(dir.resolve("heap"));
            report("heap full (lz4)", 4, heap, (id, s) -> {
                PendingCheckpoint p = plain.begin(id, false, null);
                KeyedStateHandle h = s.write(p::createStateFile);
                p.complete(new byte[0], h.files());
                return h;
            });
            rocks.close();
            heap.close();
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes a snapshot somewhere. */
    @FunctionalInterface
    private interface Target {
        KeyedStateHandle write(long id, KeyedStateSnapshot snapshot) throws IOException;
    }

    private static void report(String what, long id, KeyedStateManager m, Target target) throws IOException {
        long start = System.nanoTime();
        KeyedStateSnapshot snapshot = m.backend().snapshot(id);
        long sync = System.nanoTime();
        KeyedStateHandle h = target.write(id, snapshot);
        long end = System.nanoTime();
        long referenced = h.files().stream().mapToLong(f -> f.size()).sum();
        System.out.printf("%-34s sync %7.1f ms  async %8.1f ms  written %10.2f MB  referenced %10.2f MB (%d files)%n",
                what, (sync - start) / 1e6, (end - sync) / 1e6, h.size() / 1e6, referenced / 1e6, h.files().size());
    }

    private static KeyedStateManager manager(String backend, Path dir) {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, backend)
                .set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, dir.resolve("local").toString());
        return KeyedStateManager.create(configuration, new CodecRegistry(), "harness", 0, 1, 128, () -> 0L);
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
