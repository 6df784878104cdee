package io.weir.runtime.state;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.checkpoint.storage.FileSystemCheckpointStorage;
import io.weir.runtime.graph.KeyGroups;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.spi.checkpoint.CompletedCheckpoint;
import io.weir.spi.checkpoint.PendingCheckpoint;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Part of the state-backend contract suite ({@link KeyedStateBackendContractTest}): snapshots and
 * restores through {@code KeyedStateBackend.snapshot/restore}, written to and read from the filesystem
 * checkpoint storage: every kind of state with timers and TTL, restores with a fresh codec registry (as
 * in another JVM), rescaling 1 -> 3 -> 2, consistency of the synchronous part, and type changes.
 */
public abstract class StateSnapshotContract extends StateTtlContract {
    @TempDir
    Path checkpointDirectory;

    private FileSystemCheckpointStorage storage;
    private final Map<String, CompletedCheckpoint> checkpointOfFile = new HashMap<>();
    private final List<KeyedStateManager> restoredManagers = new ArrayList<>();
    private long nextCheckpoint = 1;

    /** Record keys: a fresh registry knows their class only by name. */
    public record Sensor(String site, int id) {
    }

    @AfterEach
    public void closeRestoredManagers() {
        restoredManagers.forEach(KeyedStateManager::close);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Writes {@code snapshot} as a checkpoint of its own; returns its handle. */
    protected KeyedStateHandle write(KeyedStateSnapshot snapshot) throws IOException {
        if (storage == null) {
            storage = new FileSystemCheckpointStorage(checkpointDirectory);
        }
        PendingCheckpoint pending = storage.begin(nextCheckpoint++, false, null);
        KeyedStateHandle handle = snapshot.write(pending::createStateFile);
        CompletedCheckpoint done = pending.complete(new byte[0], handle.file() == null ? List.of() : List.of(handle.file()));
        if (handle.file() != null) {
            checkpointOfFile.put(handle.file().path(), done);
        }
        return handle;
    }

    /** Snapshots {@code manager}'s backend and writes it. */
    protected KeyedStateHandle checkpoint(KeyedStateManager manager) throws IOException {
        return write(manager.backend().snapshot(nextCheckpoint));
    }

    /** A new manager of {@code subtask} of {@code parallelism} over {@code registry}, restored from {@code handles}. */
    protected KeyedStateManager restore(CodecRegistry registry, int subtask, int parallelism,
                                        List<KeyedStateHandle> handles) throws IOException {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, backendName());
        KeyedStateManager m = KeyedStateManager.create(configuration, registry, "op", subtask, parallelism,
                MAX_PARALLELISM, clock::currentTimeMillis);
        restoredManagers.add(m);
        m.backend().restore(handles, h -> {
            CompletedCheckpoint c = checkpointOfFile.get(h.path());
            if (c == null) {
                throw new IOException("no checkpoint holds state file '" + h.path() + "'");
            }
            return c.openStateFile(h);
        });
        return m;
    }

    protected KeyedStateManager restore(List<KeyedStateHandle> handles) throws IOException {
        return restore(codecs, 0, 1, handles);
    }

    /** The keys of the entries of store {@code name} in {@code manager}, checking each lies in its own key group. */
    protected static List<Object> keys(KeyedStateManager manager, String name) {
        KeyGroupRange range = manager.backend().keyGroupRange();
        List<Object> keys = new ArrayList<>();
        for (int g = range.first(); g <= range.last(); g++) {
            EntryCursor<?, ?> cursor = store(manager, name).cursor(g);
            while (cursor.next()) {
                assertThat(KeyGroups.keyGroupFor(cursor.key(), MAX_PARALLELISM)).isEqualTo(g);
                keys.add(cursor.key());
            }
        }
        return keys;
    }

    private InternalTimerService<String> timers(KeyedStateManager m, RecordingTriggerable<String> target) {
        return m.timerService("t", codecs.codecFor(String.class), target);
    }

    // ---- tests ---------------------------------------------------------------------------------------

    @Test
    public void shouldRestoreEveryKindOfStateAndTheTimersFromASnapshot() throws IOException {
        ValueState<Long> v = state.getState(new ValueStateDescriptor<>("v", Long.class));
        ListState<String> l = state.getListState(new ListStateDescriptor<>("l", String.class));
        MapState<String, Integer> m = state.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
        ReducingState<Long> r = state.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        AggregatingState<Integer, String> a = state.getAggregatingState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        NamespacedState<String, ListState<String>> windows = state.namespacedState(
                new ListStateDescriptor<>("w", String.class), codecs.codecFor(String.class));
        InternalTimerService<String> t = timers(state, new RecordingTriggerable<>(state));
        state.setCurrentKey("a");
        v.update(1L);
        l.addAll(List.of("x", "y"));
        m.put("k", 1);
        m.put("null", null);
        r.add(2L);
        r.add(3L);
        a.add(4);
        a.add(6);
        windows.setNamespace("w1");
        windows.state().add("in w1");
        t.registerEventTimeTimer("n", 20);
        t.registerProcessingTimeTimer("n", 1500);
        state.setCurrentKey("b");
        v.update(2L);
        t.registerEventTimeTimer("n", 10);

        KeyedStateManager restored = restore(List.of(checkpoint(state)));
        ValueState<Long> v2 = restored.getState(new ValueStateDescriptor<>("v", Long.class));
        ListState<String> l2 = restored.getListState(new ListStateDescriptor<>("l", String.class));
        MapState<String, Integer> m2 = restored.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
        ReducingState<Long> r2 = restored.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        AggregatingState<Integer, String> a2 = restored.getAggregatingState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        NamespacedState<String, ListState<String>> w2 = restored.namespacedState(
                new ListStateDescriptor<>("w", String.class), codecs.codecFor(String.class));
        RecordingTriggerable<String> fired = new RecordingTriggerable<>(restored);
        timers(restored, fired);
        restored.setCurrentKey("a");
        assertThat(v2.value()).isEqualTo(1L);
        assertThat(l2.get()).containsExactly("x", "y");
        assertThat(m2.get("k")).isEqualTo(1);
        assertThat(m2.contains("null")).isTrue();
        assertThat(r2.get()).isEqualTo(5L);
        assertThat(a2.get()).isEqualTo("avg=5");
        w2.setNamespace("w1");
        assertThat(w2.state().get()).containsExactly("in w1");
        restored.setCurrentKey("b");
        assertThat(v2.value()).isEqualTo(2L);
        assertThat(l2.get()).isEmpty();

        restored.advanceWatermark(100);
        restored.advanceProcessingTime(2000);
        assertThat(fired.fired).containsExactly("E:10:b:n", "E:20:a:n", "P:1500:a:n");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void shouldRestoreWithAFreshCodecRegistryAsInAnotherJvm() throws IOException {
        ValueState<List> raw = state.getState(new ValueStateDescriptor<>("raw", List.class));
        MapState<Sensor, Long> bySensor = state.getMapState(new MapStateDescriptor<>("m", Sensor.class, Long.class));
        Sensor key = new Sensor("north", 7);
        state.setCurrentKey(key);
        raw.update(List.of(new Sensor("inner", 1), "text", 3L));
        bySensor.put(new Sensor("x", 2), 9L);

        CodecRegistry fresh = new CodecRegistry();
        fresh.dynamicCodec().encode(1.5, new io.weir.api.codec.ByteArrayCodecOutput()); // other JVM-local ids
        KeyedStateManager restored = restore(fresh, 0, 1, List.of(checkpoint(state)));
        ValueState<List> raw2 = restored.getState(new ValueStateDescriptor<>("raw", List.class));
        MapState<Sensor, Long> bySensor2 = restored.getMapState(new MapStateDescriptor<>("m", Sensor.class, Long.class));
        restored.setCurrentKey(new Sensor("north", 7));
        assertThat(raw2.value()).isEqualTo(List.of(new Sensor("inner", 1), "text", 3L));
        assertThat(bySensor2.get(new Sensor("x", 2))).isEqualTo(9L);
        assertThat(keys(restored, "raw")).containsExactly(key);
    }

    @Test
    public void shouldKeepTheTimeToLiveOfRestoredValues() throws IOException {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).build());
        ListStateDescriptor<String> ld = new ListStateDescriptor<>("l", String.class);
        ld.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).build());
        MapStateDescriptor<String, Long> md = new MapStateDescriptor<>("m", String.class, Long.class);
        md.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).build());
        state.setCurrentKey("a");
        state.getState(d).update(1L);
        state.getListState(ld).add("x");
        state.getMapState(md).put("k", 2L);
        clock.set(1005);
        state.getMapState(md).put("later", 3L);

        KeyedStateManager restored = restore(List.of(checkpoint(state)));
        restored.setCurrentKey("a");
        clock.set(1009);
        assertThat(restored.getState(d).value()).isEqualTo(1L);
        assertThat(restored.getListState(ld).get()).containsExactly("x");
        clock.set(1010);
        assertThat(restored.getState(d).value()).isNull();
        assertThat(restored.getListState(ld).get()).isEmpty();
        assertThat(toMap(restored.getMapState(md).entries())).isEqualTo(Map.of("later", 3L));
    }

    @Test
    public void shouldRescaleOneToThreeToTwoWithEveryKeyOnceInItsOwner() throws IOException {
        ValueState<Long> v = state.getState(new ValueStateDescriptor<>("v", Long.class));
        MapState<String, Long> m = state.getMapState(new MapStateDescriptor<>("m", String.class, Long.class));
        InternalTimerService<String> t = timers(state, new RecordingTriggerable<>(state));
        int keys = 500;
        for (int i = 0; i < keys; i++) {
            state.setCurrentKey("key" + i);
            v.update((long) i);
            m.put("x", (long) -i);
            t.registerEventTimeTimer("n", i);
        }
        List<KeyedStateHandle> one = List.of(checkpoint(state));

        List<KeyedStateHandle> three = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            KeyedStateManager s = restore(codecs, subtask, 3, one);
            s.getState(new ValueStateDescriptor<>("v", Long.class));
            for (Object key : keys(s, "v")) {
                assertThat(KeyGroups.subtaskFor(key, MAX_PARALLELISM, 3)).isEqualTo(subtask);
            }
            three.add(checkpoint(s)); // "m" and the timers were not declared again: carried over as they are
        }

        Map<Object, Long> values = new HashMap<>();
        List<String> fired = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            KeyedStateManager s = restore(codecs, subtask, 2, three);
            ValueState<Long> v2 = s.getState(new ValueStateDescriptor<>("v", Long.class));
            MapState<String, Long> m2 = s.getMapState(new MapStateDescriptor<>("m", String.class, Long.class));
            RecordingTriggerable<String> target = new RecordingTriggerable<>(s);
            timers(s, target);
            for (Object key : keys(s, "v")) {
                assertThat(KeyGroups.subtaskFor(key, MAX_PARALLELISM, 2)).isEqualTo(subtask);
                s.setCurrentKey(key);
                assertThat(values.put(key, v2.value())).as("key %s in two subtasks", key).isNull();
                assertThat(m2.get("x")).isEqualTo(-v2.value());
            }
            s.advanceWatermark(Long.MAX_VALUE);
            fired.addAll(target.fired);
        }
        assertThat(values).hasSize(keys);
        for (int i = 0; i < keys; i++) {
            assertThat(values.get("key" + i)).isEqualTo((long) i);
        }
        assertThat(fired).hasSize(keys).doesNotHaveDuplicates();
    }

    @Test
    public void shouldNotLetChangesAfterTheSynchronousPartReachTheSnapshot() throws IOException {
        ValueState<Long> v = state.getState(new ValueStateDescriptor<>("v", Long.class));
        ListState<String> l = state.getListState(new ListStateDescriptor<>("l", String.class));
        MapState<String, Integer> m = state.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
        AggregatingStateDescriptor<Integer, long[], String> ad =
                new AggregatingStateDescriptor<>("a", new Average(), long[].class);
        AggregatingState<Integer, String> a = state.getAggregatingState(ad);
        InternalTimerService<String> t = timers(state, new RecordingTriggerable<>(state));
        state.setCurrentKey("a");
        v.update(1L);
        l.add("x");
        m.put("k", 1);
        a.add(10); // the accumulator (a long[]) is changed in place by later adds
        t.registerEventTimeTimer("n", 5);

        KeyedStateSnapshot snapshot = state.backend().snapshot(nextCheckpoint);
        v.update(2L);
        l.add("y");
        m.put("k", 2);
        m.put("new", 3);
        a.add(20);
        t.registerEventTimeTimer("n", 6);
        state.setCurrentKey("b");
        v.update(3L);
        KeyedStateHandle handle = write(snapshot);

        KeyedStateManager restored = restore(List.of(handle));
        restored.setCurrentKey("a");
        assertThat(restored.getState(new ValueStateDescriptor<>("v", Long.class)).value()).isEqualTo(1L);
        assertThat(restored.getListState(new ListStateDescriptor<>("l", String.class)).get()).containsExactly("x");
        MapState<String, Integer> m2 = restored.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
        assertThat(toMap(m2.entries())).isEqualTo(Map.of("k", 1));
        assertThat(restored.getAggregatingState(ad).get()).isEqualTo("avg=10");
        RecordingTriggerable<String> fired = new RecordingTriggerable<>(restored);
        timers(restored, fired);
        restored.advanceWatermark(100);
        assertThat(fired.fired).containsExactly("E:5:a:n");
        assertThat(keys(restored, "v")).containsExactly("a");
    }

    @Test
    public void shouldRefuseARestoredStateDeclaredWithAnotherTypeNamingIt() throws IOException {
        state.setCurrentKey("a");
        state.getState(new ValueStateDescriptor<>("v", Long.class)).update(1L);
        KeyedStateHandle handle = checkpoint(state);

        KeyedStateManager asString = restore(List.of(handle));
        assertThatThrownBy(() -> asString.getState(new ValueStateDescriptor<>("v", String.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'");
        KeyedStateManager asList = restore(List.of(handle));
        assertThatThrownBy(() -> asList.getListState(new ListStateDescriptor<>("v", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'");
    }

    @Test
    public void shouldRestoreNothingFromASnapshotOfAnEmptyBackend() throws IOException {
        state.getState(new ValueStateDescriptor<>("v", Long.class));
        KeyedStateHandle handle = checkpoint(state);
        KeyedStateManager restored = restore(List.of(handle));
        restored.getState(new ValueStateDescriptor<>("v", Long.class));
        assertThat(keys(restored, "v")).isEmpty();
    }
}
