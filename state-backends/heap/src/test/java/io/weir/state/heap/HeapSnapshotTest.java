package io.weir.state.heap;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.Codec;
import io.weir.api.codec.CodecRegistry;
import io.weir.api.codec.Codecs;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.KeyedStateSnapshot;
import io.weir.spi.state.ListStore;
import io.weir.spi.state.MapStore;
import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;
import io.weir.spi.state.ValueStore;
import io.weir.spi.state.ValueStoreSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.weir.state.heap.SnapshotBackends.backend;
import static io.weir.state.heap.SnapshotBackends.key;
import static io.weir.state.heap.SnapshotBackends.longValues;
import static io.weir.state.heap.SnapshotBackends.restored;
import static io.weir.state.heap.SnapshotBackends.stringIntMaps;
import static io.weir.state.heap.SnapshotBackends.stringLists;
import static io.weir.state.heap.SnapshotBackends.timers;
import static io.weir.state.heap.SnapshotBackends.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeapSnapshotTest {
    /** A key whose class a fresh JVM knows only by name. */
    record Account(String id, int region) {
    }

    private final CodecRegistry codecs = new CodecRegistry();
    private final MemoryFiles files = new MemoryFiles();

    /** A registry that never saw the classes of the test, as in another JVM. */
    private static CodecRegistry freshRegistry() {
        CodecRegistry fresh = new CodecRegistry();
        Codecs.toBytes(fresh.dynamicCodec(), 1.5); // JVM-local ids now differ from the writer's
        return fresh;
    }

    private static ValueStoreSpec<String, int[]> intArrays(CodecRegistry codecs) {
        return new ValueStoreSpec<>("arrays", codecs.portable().codecFor(String.class),
                codecs.portable().codecFor(int[].class));
    }

    @Test
    void shouldRestoreEveryKindOfStoreAndItsTimersWithAFreshRegistry() throws IOException {
        HeapKeyedStateBackend source = backend(codecs, 0, 15);
        Codecs.toBytes(codecs.dynamicCodec(), "warm"); // the writer's JVM-local ids differ from the reader's
        ValueStore<String, Long> values = source.valueStore(longValues(codecs, "v"));
        ListStore<String, String> lists = source.listStore(stringLists(codecs, "l"));
        MapStore<String, String, Integer> maps = source.mapStore(stringIntMaps(codecs, "m"));
        TimerStore<String> timers = source.timerStore(timers(codecs, "t"));
        Account alice = new Account("alice", 1);
        key(source, alice);
        values.put("n1", 1L);
        values.put("n2", 2L);
        lists.addAll("n1", List.of("x", "y"));
        maps.put("n1", "k", 7);
        maps.put("n1", "nothing", null);
        timers.add("w", 30);
        timers.add("w", 10);
        key(source, "bob");
        values.put("n1", 3L);
        timers.add("w", 10);

        KeyedStateHandle handle = write(source, 1, files);
        assertThat(handle.backend()).isEqualTo("heap");
        assertThat(handle.range()).isEqualTo(KeyGroupRange.of(0, 15));

        CodecRegistry fresh = freshRegistry();
        HeapKeyedStateBackend target = restored(fresh, 0, 15, List.of(handle), files);
        ValueStore<String, Long> v = target.valueStore(longValues(fresh, "v"));
        ListStore<String, String> l = target.listStore(stringLists(fresh, "l"));
        MapStore<String, String, Integer> m = target.mapStore(stringIntMaps(fresh, "m"));
        TimerStore<String> t = target.timerStore(timers(fresh, "t"));
        key(target, new Account("alice", 1));
        assertThat(v.get("n1")).isEqualTo(1L);
        assertThat(v.get("n2")).isEqualTo(2L);
        assertThat(l.get("n1")).containsExactly("x", "y");
        assertThat(m.get("n1", "k")).isEqualTo(7);
        assertThat(m.contains("n1", "nothing")).isTrue();
        key(target, "bob");
        assertThat(v.get("n1")).isEqualTo(3L);
        assertThat(l.get("n1")).isNull();
        assertThat(t.size()).isEqualTo(3);
        List<String> fired = new ArrayList<>();
        TimerEntry<String> timer;
        while ((timer = t.poll(Long.MAX_VALUE)) != null) {
            fired.add(timer.timestamp() + ":" + timer.key());
        }
        assertThat(fired).containsExactlyInAnyOrder("10:" + alice, "10:bob", "30:" + alice);
        assertThat(fired.getLast()).isEqualTo("30:" + alice);
    }

    @Test
    void shouldSplitAndMergeKeyGroupsWhenRescalingOneToThreeToTwo() throws IOException {
        HeapKeyedStateBackend one = backend(codecs, 0, 15);
        ValueStore<String, Long> values = one.valueStore(longValues(codecs, "v"));
        TimerStore<String> timers = one.timerStore(timers(codecs, "t"));
        for (int i = 0; i < 300; i++) {
            key(one, "k" + i);
            values.put("n", (long) i);
            timers.add("n", i);
        }
        List<KeyedStateHandle> first = List.of(write(one, 1, files));

        List<KeyedStateHandle> second = new ArrayList<>();
        int[][] threeRanges = {{0, 5}, {6, 10}, {11, 15}};
        for (int[] r : threeRanges) {
            HeapKeyedStateBackend b = restored(codecs, r[0], r[1], first, files);
            assertOwnedKeys(b, r[0], r[1]);
            b.timerStore(timers(codecs, "t"));
            second.add(write(b, 2, files));
        }
        Map<String, Long> all = new HashMap<>();
        int timerCount = 0;
        int[][] twoRanges = {{0, 7}, {8, 15}};
        for (int[] r : twoRanges) {
            HeapKeyedStateBackend b = restored(codecs, r[0], r[1], second, files);
            for (Map.Entry<String, Long> e : assertOwnedKeys(b, r[0], r[1]).entrySet()) {
                assertThat(all.put(e.getKey(), e.getValue())).as("key %s restored twice", e.getKey()).isNull();
            }
            timerCount += b.timerStore(timers(codecs, "t")).size();
        }
        assertThat(all).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(all.get("k" + i)).isEqualTo((long) i);
        }
        assertThat(timerCount).isEqualTo(300);
    }

    /** The entries of store "v" of {@code backend}, checking that each lies in its key group and range. */
    private Map<String, Long> assertOwnedKeys(HeapKeyedStateBackend backend, int first, int last) {
        ValueStore<String, Long> store = backend.valueStore(longValues(codecs, "v"));
        Map<String, Long> entries = new HashMap<>();
        for (int g = first; g <= last; g++) {
            EntryCursor<String, Long> cursor = store.cursor(g);
            while (cursor.next()) {
                assertThat(SnapshotBackends.keyGroup(cursor.key())).isEqualTo(g);
                entries.put((String) cursor.key(), cursor.value());
            }
        }
        return entries;
    }

    @Test
    void shouldReadOnlyTheKeyGroupsOfItsOwnRange() throws IOException {
        HeapKeyedStateBackend source = backend(codecs, 0, 15);
        ValueStore<String, Long> values = source.valueStore(longValues(codecs, "v"));
        for (int i = 0; i < 100; i++) {
            key(source, "k" + i);
            values.put("n", (long) i);
        }
        KeyedStateHandle handle = write(source, 1, files);
        byte[] bytes = files.files.get(handle.file().path());
        bytes[(int) handle.offsetOf(12) + HeapSnapshotFormat.BLOCK_HEADER_LENGTH + 2] ^= 0x55; // corrupt key group 12

        HeapKeyedStateBackend low = restored(codecs, 0, 7, List.of(handle), files);
        assertThat(assertOwnedKeys(low, 0, 7)).isNotEmpty();
        assertThatThrownBy(() -> restored(codecs, 8, 15, List.of(handle), files)).isInstanceOf(IOException.class)
                .hasMessageContaining(handle.file().path()).hasMessageContaining("key group 12");
    }

    @Test
    void shouldNotLetChangesAfterTheSnapshotReachIt() throws IOException {
        HeapKeyedStateBackend source = backend(codecs, 0, 15);
        ValueStore<String, Long> values = source.valueStore(longValues(codecs, "v"));
        ValueStore<String, int[]> arrays = source.valueStore(intArrays(codecs));
        ListStore<String, String> lists = source.listStore(stringLists(codecs, "l"));
        MapStore<String, String, Integer> maps = source.mapStore(stringIntMaps(codecs, "m"));
        TimerStore<String> timers = source.timerStore(timers(codecs, "t"));
        key(source, "a");
        values.put("n", 1L);
        arrays.put("n", new int[]{1, 2});
        lists.add("n", "x");
        maps.put("n", "k", 1);
        timers.add("n", 10);
        key(source, "b");
        values.put("n", 2L);

        KeyedStateSnapshot snapshot = source.snapshot(1);
        key(source, "a");
        values.put("n", 100L);
        arrays.get("n")[0] = 99; // changed in place
        lists.add("n", "y");
        maps.put("n", "k", 100);
        maps.put("n", "new", 5);
        timers.add("n", 20);
        timers.poll(10);
        key(source, "b");
        values.clear("n");
        key(source, "c");
        values.put("n", 3L);
        KeyedStateHandle handle = snapshot.write(files);

        HeapKeyedStateBackend target = restored(codecs, 0, 15, List.of(handle), files);
        ValueStore<String, Long> v = target.valueStore(longValues(codecs, "v"));
        ValueStore<String, int[]> a = target.valueStore(intArrays(codecs));
        ListStore<String, String> l = target.listStore(stringLists(codecs, "l"));
        MapStore<String, String, Integer> m = target.mapStore(stringIntMaps(codecs, "m"));
        TimerStore<String> t = target.timerStore(timers(codecs, "t"));
        key(target, "a");
        assertThat(v.get("n")).isEqualTo(1L);
        assertThat(a.get("n")).containsExactly(1, 2);
        assertThat(l.get("n")).containsExactly("x");
        assertThat(m.get("n", "k")).isEqualTo(1);
        assertThat(m.contains("n", "new")).isFalse();
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.peekTimestamp()).isEqualTo(10);
        key(target, "b");
        assertThat(v.get("n")).isEqualTo(2L);
        key(target, "c");
        assertThat(v.get("n")).isNull();
    }

    @Test
    void shouldRefuseACorruptBlockNamingTheFileAndTheKeyGroup() throws IOException {
        KeyedStateHandle handle = oneKeySnapshot("k");
        int keyGroup = SnapshotBackends.keyGroup("k");
        byte[] bytes = files.files.get(handle.file().path());
        bytes[(int) handle.offsetOf(keyGroup) + HeapSnapshotFormat.BLOCK_HEADER_LENGTH + 1] ^= 0x01;

        assertThatThrownBy(() -> restored(codecs, 0, 15, List.of(handle), files)).isInstanceOf(IOException.class)
                .hasMessageContaining("'" + handle.file().path() + "'")
                .hasMessageContaining("key group " + keyGroup);
    }

    @Test
    void shouldRefuseATruncatedFileNamingTheFileAndTheKeyGroup() throws IOException {
        KeyedStateHandle handle = oneKeySnapshot("k");
        int keyGroup = SnapshotBackends.keyGroup("k");
        byte[] bytes = files.files.get(handle.file().path());
        int cut = (int) handle.offsetOf(keyGroup) + HeapSnapshotFormat.BLOCK_HEADER_LENGTH + 2;
        files.files.put(handle.file().path(), java.util.Arrays.copyOf(bytes, cut));

        assertThatThrownBy(() -> restored(codecs, 0, 15, List.of(handle), files)).isInstanceOf(IOException.class)
                .hasMessageContaining("'" + handle.file().path() + "'")
                .hasMessageContaining("key group " + keyGroup).hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseACorruptHeaderNamingTheFile() throws IOException {
        KeyedStateHandle handle = oneKeySnapshot("k");
        files.files.get(handle.file().path())[HeapSnapshotFormat.FILE_HEADER_LENGTH + 3] ^= 0x10;

        assertThatThrownBy(() -> restored(codecs, 0, 15, List.of(handle), files)).isInstanceOf(IOException.class)
                .hasMessageContaining("'" + handle.file().path() + "'").hasMessageContaining("header");
    }

    private KeyedStateHandle oneKeySnapshot(String key) throws IOException {
        HeapKeyedStateBackend source = backend(codecs, 0, 15);
        key(source, key);
        source.valueStore(longValues(codecs, "v")).put("n", 42L);
        return write(source, 1, files);
    }

    @Test
    void shouldCarryRestoredStateThatWasNotDeclaredAgainIntoTheNextSnapshot() throws IOException {
        HeapKeyedStateBackend source = backend(codecs, 0, 15);
        key(source, "a");
        source.valueStore(longValues(codecs, "v")).put("n", 1L);
        source.timerStore(timers(codecs, "t")).add("n", 5);
        HeapKeyedStateBackend middle = restored(codecs, 0, 15, List.of(write(source, 1, files)), files);
        KeyedStateHandle second = write(middle, 2, files); // neither "v" nor "t" declared again

        HeapKeyedStateBackend target = restored(codecs, 0, 15, List.of(second), files);
        key(target, "a");
        assertThat(target.valueStore(longValues(codecs, "v")).get("n")).isEqualTo(1L);
        assertThat(target.timerStore(timers(codecs, "t")).contains("n", 5)).isTrue();
    }

    @Test
    void shouldRefuseARestoredStoreDeclaredWithAnotherKindOrAnotherType() throws IOException {
        KeyedStateHandle handle = oneKeySnapshot("k");
        HeapKeyedStateBackend asList = restored(codecs, 0, 15, List.of(handle), files);
        assertThatThrownBy(() -> asList.listStore(stringLists(codecs, "v"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state 'v'").hasMessageContaining("value store")
                .hasMessageContaining("list store");

        HeapKeyedStateBackend asDouble = restored(codecs, 0, 15, List.of(handle), files);
        ValueStoreSpec<String, Double> doubles = new ValueStoreSpec<>("v", codecs.portable().codecFor(String.class),
                codecs.portable().codecFor(Double.class));
        assertThatThrownBy(() -> asDouble.valueStore(doubles)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("state 'v'").hasMessageContaining("Long").hasMessageContaining("Double");
    }

    @Test
    void shouldRefuseToRestoreOnceAStoreWasDeclared() throws IOException {
        KeyedStateHandle handle = oneKeySnapshot("k");
        HeapKeyedStateBackend target = backend(codecs, 0, 15);
        target.valueStore(longValues(codecs, "other"));
        assertThatThrownBy(() -> target.restore(List.of(handle), files)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before any store is declared");
    }

    @Test
    void shouldRefuseToSnapshotKeysEncodedWithTheJvmLocalDynamicCodec() {
        HeapKeyedStateBackend local = HeapBackends.backend(0, 15); // its key codec is the registry's dynamicCodec()
        assertThatThrownBy(() -> local.snapshot(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portableDynamicCodec");
    }

    @Test
    void shouldWriteNoFileForABackendWithoutState() throws IOException {
        HeapKeyedStateBackend empty = backend(codecs, 2, 5);
        empty.valueStore(longValues(codecs, "v"));
        KeyedStateHandle handle = write(empty, 1, files);
        assertThat(handle.file()).isNull();
        assertThat(files.files).isEmpty();
        HeapKeyedStateBackend target = restored(codecs, 0, 15, List.of(handle), files);
        assertThat(target.valueStore(longValues(codecs, "v")).cursor(3).next()).isFalse();
    }

    @Test
    void shouldRefuseStateWrittenByAnotherBackend() {
        KeyedStateHandle foreign = new KeyedStateHandle("rocksdb", KeyGroupRange.of(0, 15), null, new long[0], 0);
        assertThatThrownBy(() -> restored(codecs, 0, 15, List.of(foreign), files))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rocksdb");
    }

    @Test
    void shouldWriteASnapshotOnlyOnce() throws IOException {
        HeapKeyedStateBackend source = backend(codecs, 0, 15);
        KeyedStateSnapshot snapshot = source.snapshot(1);
        snapshot.write(files);
        assertThatThrownBy(() -> snapshot.write(files)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldDescribeCodecsStablyForTheTypeCheck() {
        Codec<Long> longs = codecs.portable().codecFor(Long.class);
        assertThat(CodecSignature.of(longs)).isEqualTo(CodecSignature.of(freshRegistry().portable().codecFor(Long.class)));
        assertThat(CodecSignature.of(codecs.portable().codecFor(Account.class))).contains(Account.class.getName());
        assertThat(CodecSignature.of(codecs.portableDynamicCodec()))
                .isEqualTo(CodecSignature.of(freshRegistry().portableDynamicCodec()));
    }
}
