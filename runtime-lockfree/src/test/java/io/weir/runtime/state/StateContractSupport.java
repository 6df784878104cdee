package io.weir.runtime.state;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.state.AppendingState;
import io.weir.api.time.ManualClock;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStore;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Set-up and helpers of the state-backend contract suite ({@link KeyedStateBackendContractTest}): a
 * {@link KeyedStateManager} over the backend under test, a manual processing-time clock, and ways to
 * look into the backend's stores.
 */
public abstract class StateContractSupport {
    protected static final int MAX_PARALLELISM = 128;
    protected final ManualClock clock = new ManualClock(1_000);
    protected final CodecRegistry codecs = new CodecRegistry();
    private final List<KeyedStateManager> managers = new ArrayList<>();
    protected final KeyedStateManager state = manager(0, 1);

    /** The {@code state.backend} name of the backend under test; called while constructing: return a constant. */
    protected abstract String backendName();

    /** A manager of subtask {@code subtask} of {@code parallelism}, closed after the test. */
    protected KeyedStateManager manager(int subtask, int parallelism) {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, backendName());
        KeyedStateManager m = KeyedStateManager.create(configuration, codecs, "op", subtask, parallelism,
                MAX_PARALLELISM, clock::currentTimeMillis);
        managers.add(m);
        return m;
    }

    @AfterEach
    public void closeManagers() {
        managers.forEach(KeyedStateManager::close);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    protected static KeyedStore<?, ?> store(KeyedStateManager manager, String name) {
        return manager.backend().stores().stream().filter(s -> s.spec().name().equals(name)).findFirst().orElseThrow();
    }

    /** The number of (key, namespace) entries of store {@code name} over all the manager's key groups. */
    protected static int entryCount(KeyedStateManager manager, String name) {
        KeyedStore<?, ?> store = store(manager, name);
        KeyGroupRange range = manager.backend().keyGroupRange();
        int count = 0;
        for (int g = range.first(); g <= range.last(); g++) {
            EntryCursor<?, ?> cursor = store.cursor(g);
            while (cursor.next()) {
                count++;
            }
        }
        return count;
    }

    protected static <T> void add(NamespacedState<String, ? extends AppendingState<T, ?>> ns, String namespace, T value) {
        ns.setNamespace(namespace);
        ns.state().add(value);
    }

    protected static <K, V> Map<K, V> toMap(Iterable<Map.Entry<K, V>> entries) {
        Map<K, V> m = new HashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /** Average of ints as "avg=N"; the accumulator is {sum, count}. */
    static final class Average implements AggregateFunction<Integer, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Integer value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return "avg=" + acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[]{a[0] + b[0], a[1] + b[1]};
        }
    }
}
