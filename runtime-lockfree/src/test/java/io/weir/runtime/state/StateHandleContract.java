package io.weir.runtime.state;

import io.weir.api.codec.CodecException;
import io.weir.api.config.Configuration;
import io.weir.api.config.StateOptions;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.graph.KeyGroups;
import io.weir.runtime.timers.InternalTimerService;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStore;
import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Part of the state-backend contract suite ({@link KeyedStateBackendContractTest}): every kind of
 * state handle, namespaces and their merging, key-group organisation and errors.
 */
public abstract class StateHandleContract extends StateContractSupport {

    // ---- value, list, map, reducing, aggregating -----------------------------------------------------

    @Test
    public void shouldReadWhatWasWrittenForEachKeyAndNullWhenUnset() {
        ValueState<Long> v = state.getState(new ValueStateDescriptor<>("v", Long.class));
        state.setCurrentKey("a");
        assertThat(v.value()).isNull();
        v.update(1L);
        state.setCurrentKey("b");
        assertThat(v.value()).isNull();
        v.update(2L);
        state.setCurrentKey("a");
        assertThat(v.value()).isEqualTo(1L);
        v.update(null);
        assertThat(v.value()).isNull();
        state.setCurrentKey("b");
        assertThat(v.value()).isEqualTo(2L);
        v.clear();
        assertThat(v.value()).isNull();
    }

    @Test
    public void shouldAppendReplaceAndClearLists() {
        ListState<String> l = state.getListState(new ListStateDescriptor<>("l", String.class));
        state.setCurrentKey("a");
        assertThat(l.get()).isNotNull().isEmpty();
        l.add("x");
        l.addAll(List.of("y", "z"));
        l.addAll(null);
        assertThat(l.get()).containsExactly("x", "y", "z");
        state.setCurrentKey("b");
        assertThat(l.get()).isEmpty();
        l.update(List.of("q"));
        assertThat(l.get()).containsExactly("q");
        state.setCurrentKey("a");
        l.update(List.of());
        assertThat(l.get()).isEmpty();
        assertThatThrownBy(() -> l.add(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("'l'");
        state.setCurrentKey("b");
        l.clear();
        assertThat(l.get()).isEmpty();
    }

    @Test
    public void shouldKeepAMapPerKey() {
        MapState<String, Integer> m = state.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
        state.setCurrentKey("a");
        assertThat(m.isEmpty()).isTrue();
        assertThat(m.entries()).isEmpty();
        m.put("x", 1);
        m.putAll(Map.of("y", 2, "z", 3));
        m.put("none", null);
        assertThat(m.get("x")).isEqualTo(1);
        assertThat(m.contains("none")).isTrue();
        assertThat(m.get("none")).isNull();
        assertThat(m.keys()).containsExactlyInAnyOrder("x", "y", "z", "none");
        assertThat(m.values()).containsExactlyInAnyOrder(1, 2, 3, null);
        assertThat(toMap(m.entries())).containsEntry("y", 2).hasSize(4);
        m.remove("none");
        assertThat(m.contains("none")).isFalse();
        assertThatThrownBy(() -> m.put(null, 1)).isInstanceOf(NullPointerException.class).hasMessageContaining("'m'");

        state.setCurrentKey("b");
        assertThat(m.isEmpty()).isTrue();
        m.put("x", 100);
        state.setCurrentKey("a");
        assertThat(m.get("x")).isEqualTo(1);
        for (Iterator<String> it = m.keys().iterator(); it.hasNext(); ) {
            if (!it.next().equals("y")) {
                it.remove();
            }
        }
        assertThat(toMap(m.entries())).isEqualTo(Map.of("y", 2));
        m.clear();
        assertThat(m.isEmpty()).isTrue();
        state.setCurrentKey("b");
        assertThat(m.get("x")).isEqualTo(100);
    }

    @Test
    public void shouldReduceEveryAddedValue() {
        ReducingState<Long> r = state.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
        state.setCurrentKey("a");
        assertThat(r.get()).isNull();
        r.add(1L);
        r.add(2L);
        state.setCurrentKey("b");
        r.add(10L);
        state.setCurrentKey("a");
        r.add(3L);
        assertThat(r.get()).isEqualTo(6L);
        r.add(null);
        assertThat(r.get()).isNull();
        state.setCurrentKey("b");
        assertThat(r.get()).isEqualTo(10L);
    }

    @Test
    public void shouldAggregateIntoAnAccumulatorAndReturnTheResult() {
        AggregatingState<Integer, String> a = state.getAggregatingState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class));
        state.setCurrentKey("a");
        assertThat(a.get()).isNull();
        a.add(1);
        a.add(2);
        a.add(6);
        assertThat(a.get()).isEqualTo("avg=3");
        state.setCurrentKey("b");
        assertThat(a.get()).isNull();
        a.add(5);
        assertThat(a.get()).isEqualTo("avg=5");
        a.clear();
        assertThat(a.get()).isNull();
    }

    @Test
    public void shouldReturnTheSameHandleForTheSameName() {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
        assertThat(state.getState(d)).isSameAs(state.getState(new ValueStateDescriptor<>("v", Long.class)));
    }

    // ---- namespaces ----------------------------------------------------------------------------------

    @Test
    public void shouldSeparateNamespacesOfOneStateAndOfPlainState() {
        ListStateDescriptor<String> d = new ListStateDescriptor<>("l", String.class);
        NamespacedState<String, ListState<String>> ns = state.namespacedState(d, codecs.codecFor(String.class));
        ListState<String> plain = state.getListState(d);
        state.setCurrentKey("a");
        ns.setNamespace("w1");
        ns.state().add("1");
        ns.setNamespace("w2");
        ns.state().add("2");
        plain.add("plain");
        assertThat(ns.state().get()).containsExactly("2");
        ns.setNamespace("w1");
        assertThat(ns.state().get()).containsExactly("1");
        assertThat(plain.get()).containsExactly("plain");
        ns.state().clear();
        assertThat(ns.state().get()).isEmpty();
        ns.setNamespace("w2");
        assertThat(ns.state().get()).containsExactly("2");
        assertThat(state.namespacedState(d, codecs.codecFor(String.class))).isSameAs(ns);
    }

    @Test
    public void shouldRefuseANamespacedHandleBeforeItsNamespaceIsSet() {
        NamespacedState<String, ValueState<Long>> ns = state.namespacedState(
                new ValueStateDescriptor<>("v", Long.class), codecs.codecFor(String.class));
        state.setCurrentKey("a");
        assertThatThrownBy(() -> ns.state().value()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'v'").hasMessageContaining("namespace");
    }

    @Test
    public void shouldMergeListNamespacesByConcatenation() {
        NamespacedState<String, ListState<String>> ns = state.namespacedState(
                new ListStateDescriptor<>("l", String.class), codecs.codecFor(String.class));
        state.setCurrentKey("a");
        add(ns, "w1", "a");
        add(ns, "w2", "b");
        add(ns, "w3", "c");
        state.setCurrentKey("other");
        add(ns, "w2", "untouched");
        state.setCurrentKey("a");
        ns.mergeNamespaces("w1", List.of("w2", "w3"));
        ns.setNamespace("w1");
        assertThat(ns.state().get()).containsExactlyInAnyOrder("a", "b", "c");
        ns.setNamespace("w2");
        assertThat(ns.state().get()).isEmpty();
        state.setCurrentKey("other");
        assertThat(ns.state().get()).containsExactly("untouched");
    }

    @Test
    public void shouldMergeReducingNamespacesWithTheFunctionIncludingTheTargetAmongSources() {
        NamespacedState<String, ReducingState<Long>> ns = state.namespacedState(
                new ReducingStateDescriptor<>("r", Long::sum, Long.class), codecs.codecFor(String.class));
        state.setCurrentKey("a");
        add(ns, "w1", 1L);
        add(ns, "w2", 2L);
        add(ns, "w3", 4L);
        ns.mergeNamespaces("w1", List.of("w1", "w2", "w3", "empty"));
        ns.setNamespace("w1");
        assertThat(ns.state().get()).isEqualTo(7L);
        ns.setNamespace("w3");
        assertThat(ns.state().get()).isNull();
        ns.mergeNamespaces("fresh", List.of("w1"));
        ns.setNamespace("fresh");
        assertThat(ns.state().get()).isEqualTo(7L);
    }

    @Test
    public void shouldMergeAggregatingNamespacesWithAggregateFunctionMerge() {
        NamespacedState<String, AggregatingState<Integer, String>> ns = state.namespacedState(
                new AggregatingStateDescriptor<>("a", new Average(), long[].class), codecs.codecFor(String.class));
        state.setCurrentKey("a");
        add(ns, "w1", 2);
        add(ns, "w2", 4);
        add(ns, "w2", 6);
        ns.mergeNamespaces("w1", List.of("w2"));
        ns.setNamespace("w1");
        assertThat(ns.state().get()).isEqualTo("avg=4");
        ns.setNamespace("w2");
        assertThat(ns.state().get()).isNull();
    }

    @Test
    public void shouldRefuseToMergeValueAndMapState() {
        NamespacedState<String, ValueState<Long>> v = state.namespacedState(
                new ValueStateDescriptor<>("v", Long.class), codecs.codecFor(String.class));
        NamespacedState<String, MapState<String, Long>> m = state.namespacedState(
                new MapStateDescriptor<>("m", String.class, Long.class), codecs.codecFor(String.class));
        state.setCurrentKey("a");
        assertThatThrownBy(() -> v.mergeNamespaces("a", List.of("b")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("value state 'v'");
        assertThatThrownBy(() -> m.mergeNamespaces("a", List.of("b")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("map state 'm'");
    }

    @Test
    public void shouldLetANamespacedStoreViewFollowItsSupplier() {
        String[] window = {"w1"};
        KeyedStateStore view = state.namespacedStore(() -> window[0], codecs.codecFor(String.class));
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
        ValueState<Long> perWindow = view.getState(d);
        state.setCurrentKey("a");
        perWindow.update(1L);
        window[0] = "w2";
        assertThat(perWindow.value()).isNull();
        perWindow.update(2L);
        window[0] = "w1";
        assertThat(perWindow.value()).isEqualTo(1L);
        assertThat(state.getState(d).value()).isNull();
        assertThat(view.getState(d)).isSameAs(perWindow);
        // a cached handle does not skip the check of the descriptor against the registered state
        assertThatThrownBy(() -> view.getListState(new ListStateDescriptor<>("v", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'").hasMessageContaining("list state");
    }

    // ---- key groups ----------------------------------------------------------------------------------

    @Test
    public void shouldKeepEveryEntryInTheKeyGroupOfItsKeyAndEnumerateExactlyThoseKeys() {
        KeyedStateManager subtask = manager(1, 4);
        KeyGroupRange range = subtask.backend().keyGroupRange();
        assertThat(range).isEqualTo(KeyGroupRange.of(KeyGroups.firstKeyGroup(1, MAX_PARALLELISM, 4),
                KeyGroups.lastKeyGroup(1, MAX_PARALLELISM, 4)));
        ValueState<Integer> v = subtask.getState(new ValueStateDescriptor<>("v", Integer.class));
        InternalTimerService<VoidNamespace> timers = subtask.timerService("t", VoidNamespace.CODEC,
                new RecordingTriggerable<>(subtask));
        Map<Integer, Set<Object>> expected = new HashMap<>();
        for (int i = 0; expected.values().stream().mapToInt(Set::size).sum() < 300; i++) {
            String key = "key-" + i;
            int keyGroup = KeyGroups.keyGroupFor(key, MAX_PARALLELISM);
            if (range.contains(keyGroup)) {
                subtask.setCurrentKey(key);
                v.update(i);
                timers.registerEventTimeTimer(VoidNamespace.INSTANCE, i);
                expected.computeIfAbsent(keyGroup, g -> new HashSet<>()).add(key);
            }
        }
        KeyedStore<?, ?> store = store(subtask, "v");
        TimerStore<?> timerStore = subtask.backend().timerStores().getFirst();
        for (int g = range.first(); g <= range.last(); g++) {
            Set<Object> keys = new HashSet<>();
            EntryCursor<?, ?> cursor = store.cursor(g);
            while (cursor.next()) {
                assertThat(cursor.namespace()).isEqualTo(VoidNamespace.INSTANCE);
                keys.add(cursor.key());
            }
            assertThat(keys).as("key group %d", g).isEqualTo(expected.getOrDefault(g, Set.of()));
            assertThat(timerStore.timers(g)).extracting(TimerEntry::key).as("timers of key group %d", g)
                    .containsExactlyInAnyOrderElementsOf(expected.getOrDefault(g, Set.of()));
        }
    }

    @Test
    public void shouldRefuseAKeyThatAnotherSubtaskOwns() {
        KeyedStateManager subtask = manager(0, 2);
        String foreign = null;
        for (int i = 0; foreign == null; i++) {
            if (KeyGroups.subtaskFor("key-" + i, MAX_PARALLELISM, 2) == 1) {
                foreign = "key-" + i;
            }
        }
        String key = foreign;
        assertThatThrownBy(() -> subtask.setCurrentKey(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key).hasMessageContaining("does not own");
    }

    // ---- errors --------------------------------------------------------------------------------------

    @Test
    public void shouldRefuseStateAccessWithoutACurrentKey() {
        ValueState<Long> v = state.getState(new ValueStateDescriptor<>("clicks", Long.class));
        assertThatThrownBy(v::value).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'clicks'").hasMessageContaining("without a current key");
        ListState<Long> l = state.getListState(new ListStateDescriptor<>("events", Long.class));
        assertThatThrownBy(() -> l.add(1L)).isInstanceOf(IllegalStateException.class).hasMessageContaining("'events'");
    }

    @Test
    public void shouldRefuseTheSameNameForAnotherKindOrTypeOfState() {
        state.getState(new ValueStateDescriptor<>("s", Long.class));
        assertThatThrownBy(() -> state.getListState(new ListStateDescriptor<>("s", Long.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'s'").hasMessageContaining("value state").hasMessageContaining("list state");
        assertThatThrownBy(() -> state.getState(new ValueStateDescriptor<>("s", String.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'s'").hasMessageContaining("java.lang.String");
        ValueStateDescriptor<Long> withTtl = new ValueStateDescriptor<>("s", Long.class);
        withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build());
        assertThatThrownBy(() -> state.getState(withTtl)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'s'").hasMessageContaining("TTL");
    }

    @Test
    public void shouldNameTheStateWhenItsTypeHasNoCodec() {
        assertThatThrownBy(() -> state.getState(new ValueStateDescriptor<>("things", Object.class)))
                .isInstanceOf(CodecException.class).hasMessageContaining("value state 'things'");
    }

    @Test
    public void shouldListTheAvailableBackendsForAnUnknownName() {
        Configuration configuration = new Configuration().set(StateOptions.STATE_BACKEND, "nope");
        assertThatThrownBy(() -> KeyedStateManager.create(configuration, codecs, "op", 0, 1, MAX_PARALLELISM,
                clock::currentTimeMillis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("state.backend").hasMessageContaining(backendName());
    }
}
