package io.weir.state.rocksdb;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.checkpoint.storage.KeyedSnapshotCheckpoints;
import io.weir.runtime.graph.KeyGroups;
import io.weir.runtime.state.KeyedStateManager;
import io.weir.runtime.state.RecordingTriggerable;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rescaling 1 -> 3 -> 2 through incremental checkpoints (each new subtask clips the database of the handle
 * that overlaps most and copies the rest in) and through savepoints (full snapshots read per key group),
 * with timers in RocksDB or on the heap, and with the timer storage switched across the restores: every key
 * ends in exactly one subtask, its owner, with all its state, and every timer fires exactly once.
 */
class RescalingTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int KEYS = 600;

    @TempDir
    Path directory;

    private final CodecRegistry codecs = new CodecRegistry();
    private final List<KeyedStateManager> managers = new ArrayList<>();
    private KeyedSnapshotCheckpoints checkpoints;
    private long nextCheckpoint = 1;

    @AfterEach
    void close() {
        managers.forEach(KeyedStateManager::close);
    }

    private KeyedStateManager manager(int subtask, int parallelism, String timers) {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, "rocksdb")
                .set(StateOptions.ROCKSDB_TIMERS, timers)
                .set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, directory.resolve("local").toString());
        KeyedStateManager m = KeyedStateManager.create(configuration, codecs, "op", subtask, parallelism,
                MAX_PARALLELISM, () -> 0L);
        managers.add(m);
        return m;
    }

    private InternalTimerService<String> timers(KeyedStateManager m, RecordingTriggerable<String> target) {
        return m.timerService("t", codecs.codecFor(String.class), target);
    }

    private KeyedStateHandle checkpoint(KeyedStateManager m, boolean savepoint) throws IOException {
        long id = nextCheckpoint++;
        return checkpoints.write(id, m.backend().snapshot(id), savepoint);
    }

    private static List<Object> keys(KeyedStateManager m, String store) {
        KeyedStore<?, ?> s = m.backend().stores().stream().filter(x -> x.spec().name().equals(store)).findFirst()
                .orElseThrow();
        KeyGroupRange range = m.backend().keyGroupRange();
        List<Object> keys = new ArrayList<>();
        for (int g = range.first(); g <= range.last(); g++) {
            EntryCursor<?, ?> cursor = s.cursor(g);
            while (cursor.next()) {
                keys.add(cursor.key());
            }
        }
        return keys;
    }

    @ParameterizedTest(name = "timers {0} then {1} then {2}, savepoints {3}")
    @CsvSource({
            "rocksdb, rocksdb, rocksdb, false",
            "heap, heap, heap, false",
            "rocksdb, heap, rocksdb, false",
            "rocksdb, rocksdb, rocksdb, true",
            "heap, rocksdb, heap, true"})
    void shouldRescaleOneToThreeToTwoWithEveryKeyOnceInItsOwner(String first, String second, String third,
                                                              boolean savepoints) throws IOException {
        checkpoints = new KeyedSnapshotCheckpoints(directory.resolve("checkpoints"));
        ValueStateDescriptor<Long> vd = new ValueStateDescriptor<>("v", Long.class);
        ListStateDescriptor<String> ld = new ListStateDescriptor<>("l", String.class);
        MapStateDescriptor<String, Long> md = new MapStateDescriptor<>("m", String.class, Long.class);
        KeyedStateManager one = manager(0, 1, first);
        ValueState<Long> v = one.getState(vd);
        ListState<String> l = one.getListState(ld);
        MapState<String, Long> m = one.getMapState(md);
        InternalTimerService<String> t = timers(one, new RecordingTriggerable<>(one));
        for (int i = 0; i < KEYS; i++) {
            one.setCurrentKey("key" + i);
            v.update((long) i);
            l.add("a" + i);
            l.add("b" + i);
            m.put("x", (long) -i);
            t.registerEventTimeTimer("n", i);
        }
        List<KeyedStateHandle> oneHandle = List.of(checkpoint(one, savepoints));

        List<KeyedStateHandle> three = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            KeyedStateManager s = manager(subtask, 3, second);
            s.backend().restore(oneHandle, checkpoints.reader());
            s.getState(vd);
            for (Object key : keys(s, "v")) {
                assertThat(KeyGroups.subtaskFor(key, MAX_PARALLELISM, 3)).isEqualTo(subtask);
            }
            three.add(checkpoint(s, savepoints)); // "l", "m" and the timers not declared again: carried over
        }

        Map<Object, Long> values = new HashMap<>();
        List<String> fired = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            KeyedStateManager s = manager(subtask, 2, third);
            s.backend().restore(three, checkpoints.reader());
            ValueState<Long> v2 = s.getState(vd);
            ListState<String> l2 = s.getListState(ld);
            MapState<String, Long> m2 = s.getMapState(md);
            RecordingTriggerable<String> target = new RecordingTriggerable<>(s);
            timers(s, target);
            for (Object key : keys(s, "v")) {
                assertThat(KeyGroups.subtaskFor(key, MAX_PARALLELISM, 2)).isEqualTo(subtask);
                s.setCurrentKey(key);
                long i = v2.value();
                assertThat(values.put(key, i)).as("key %s in two subtasks", key).isNull();
                assertThat(l2.get()).containsExactly("a" + i, "b" + i);
                assertThat(m2.get("x")).isEqualTo(-i);
            }
            assertThat(keys(s, "l")).hasSameSizeAs(keys(s, "v"));
            s.advanceWatermark(Long.MAX_VALUE);
            fired.addAll(target.fired);
        }
        assertThat(values).hasSize(KEYS);
        for (int i = 0; i < KEYS; i++) {
            assertThat(values.get("key" + i)).isEqualTo(i);
        }
        assertThat(fired).hasSize(KEYS).doesNotHaveDuplicates();
    }
}
