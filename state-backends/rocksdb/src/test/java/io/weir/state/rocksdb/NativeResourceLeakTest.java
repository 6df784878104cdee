package io.weir.state.rocksdb;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.checkpoint.storage.KeyedSnapshotCheckpoints;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.state.RecordingTriggerable;
import io.weir.spi.state.KeyedStateHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.MemoryUsageType;
import org.rocksdb.MemoryUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100 cycles of open, restore, change, checkpoint and close: the open file descriptors of the process
 * ({@code /proc/self/fd}) and RocksDB's own memory statistics (memtables, table readers, block cache, via
 * {@link MemoryUtil}) do not grow, no RocksDB instance or shared memory pool stays alive, and no working
 * folder is left behind.
 */
class NativeResourceLeakTest {
    private static final int CYCLES = 100;
    private static final int KEYS = 2_000;

    @TempDir
    Path directory;

    private final CodecRegistry codecs = new CodecRegistry();
    private final ValueStateDescriptor<Long> values = new ValueStateDescriptor<>("v", Long.class);
    private final ListStateDescriptor<String> lists = new ListStateDescriptor<>("l", String.class);

    private KeyedStateManager manager() {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, "rocksdb")
                .set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, directory.resolve("local").toString());
        return KeyedStateManager.create(configuration, codecs, "op", 0, 1, 128, () -> 0L);
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long nativeMemory(KeyedStateManager m) {
        RocksDbInstance db = ((RocksDbKeyedStateBackend) m.backend()).instance();
        Map<MemoryUsageType, Long> usage = MemoryUtil.getApproximateMemoryUsageByType(List.of(db.db()),
                Set.of(db.memory().cache()));
        return usage.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void shouldNotGrowOpenFilesOrNativeMemoryOverAHundredRestoreCycles() throws IOException {
        KeyedSnapshotCheckpoints checkpoints = new KeyedSnapshotCheckpoints(directory.resolve("checkpoints"));
        KeyedStateHandle handle;
        KeyedStateManager initial = manager();
        try {
            ValueState<Long> v = initial.getState(values);
            for (int i = 0; i < KEYS; i++) {
                initial.setCurrentKey("key-" + i);
                v.update((long) i);
            }
            handle = checkpoints.write(0, initial.backend().snapshot(0), false);
        } finally {
            initial.close();
        }
        long filesAtTen = -1;
        long memoryAtTen = -1;
        long memoryAtEnd = -1;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            KeyedStateManager m = manager();
            try {
                m.backend().restore(List.of(handle), checkpoints.reader());
                ValueState<Long> v = m.getState(values);
                ListState<String> l = m.getListState(lists);
                var timers = m.timerService("t", codecs.codecFor(String.class), new RecordingTriggerable<>(m));
                for (int i = 0; i < KEYS / 100; i++) {
                    m.setCurrentKey("key-" + (cycle * 13 + i) % KEYS);
                    v.update(v.value() + 1);
                    l.add("cycle-" + cycle);
                    timers.registerEventTimeTimer("n", cycle);
                }
                m.advanceWatermark(cycle - 1);
                handle = checkpoints.write(cycle, m.backend().snapshot(cycle), cycle % 10 == 0);
                checkpoints.storage().prune(2);
                if (cycle == 10) {
                    memoryAtTen = nativeMemory(m);
                } else if (cycle == CYCLES) {
                    memoryAtEnd = nativeMemory(m);
                }
            } finally {
                m.close();
            }
            assertThat(RocksDbInstance.openInstances()).as("RocksDB instances open after cycle %d", cycle).isZero();
            assertThat(SharedMemory.alive()).as("shared memory pools after cycle %d", cycle).isZero();
            if (cycle == 10) {
                filesAtTen = openFiles();
            }
        }
        long filesAtEnd = openFiles();
        assertThat(filesAtEnd).as("open file descriptors after %d cycles (%d after 10)", CYCLES, filesAtTen)
                .isLessThanOrEqualTo(filesAtTen + 2);
        assertThat(memoryAtEnd).as("RocksDB memory in the last cycle (%d bytes in cycle 10)", memoryAtTen)
                .isLessThanOrEqualTo(memoryAtTen * 2 + (1 << 20));
        try (Stream<Path> left = Files.list(directory.resolve("local"))) {
            assertThat(left.toList()).as("working folders left behind").isEmpty();
        }
        System.out.printf("leak check: fds %d -> %d, RocksDB memory %d -> %d bytes%n", filesAtTen, filesAtEnd,
                memoryAtTen, memoryAtEnd);
    }
}
