package io.weir.perf.state;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.state.KeyedStateManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keyed-state access through the runtime's state handles ({@link KeyedStateManager}), per backend:
 * get/put of value state, append (RocksDB: a merge) and get of list state, put/get of a map entry. Each
 * operation first makes the next key of {@code keys} current (keys visited in a scrambled order), as an
 * operator does for every record. Lists read by {@code listGet} hold 10 elements; {@code listAdd} appends
 * to lists of its own (which grow during the run: the append does not read them).
 *
 * <pre>
 *   java -jar perf-lab/target/benchmarks.jar StateAccessBenchmark -f 1 -wi 2 -i 3 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StateAccessBenchmark {
    private static final long SCRAMBLE = 2_654_435_761L;

    @Param({"heap", "rocksdb"})
    public String backend;

    @Param({"100000"})
    public int keys;

    private KeyedStateManager state;
    private Path local;
    private String[] names;
    private ValueState<Long> value;
    private ListState<Long> list;
    private ListState<Long> appended;
    private MapState<Integer, Long> map;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        local = Files.createTempDirectory("weir-state-bench");
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, backend)
                .set(StateOptions.ROCKSDB_LOCAL_DIRECTORY, local.toString());
        state = KeyedStateManager.create(configuration, new CodecRegistry(), "bench", 0, 1, 128, System::currentTimeMillis);
        value = state.getState(new ValueStateDescriptor<>("value", Long.class));
        list = state.getListState(new ListStateDescriptor<>("list", Long.class));
        appended = state.getListState(new ListStateDescriptor<>("appended", Long.class));
        map = state.getMapState(new MapStateDescriptor<>("map", Integer.class, Long.class));
        names = new String[keys];
        List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        for (int i = 0; i < keys; i++) {
            names[i] = "key-" + i;
            state.setCurrentKey(names[i]);
            value.update((long) i);
            list.update(ten);
            for (int k = 0; k < 4; k++) {
                map.put(k, (long) i);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        state.close();
        try (var walk = Files.walk(local)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void nextKey() {
        state.setCurrentKey(names[(int) ((next++ * SCRAMBLE) % keys)]);
    }

    @Benchmark
    public Long valueGet() {
        nextKey();
        return value.value();
    }

    @Benchmark
    public void valuePut() {
        nextKey();
        value.update(next);
    }

    @Benchmark
    public long listGet() {
        nextKey();
        long sum = 0;
        for (long v : list.get()) {
            sum += v;
        }
        return sum;
    }

    @Benchmark
    public void listAdd() {
        nextKey();
        appended.add(next);
    }

    @Benchmark
    public Long mapGet() {
        nextKey();
        return map.get((int) (next & 3));
    }

    @Benchmark
    public void mapPut() {
        nextKey();
        map.put((int) (next & 3), next);
    }
}
