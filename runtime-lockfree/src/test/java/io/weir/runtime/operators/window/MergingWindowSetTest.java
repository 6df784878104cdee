package io.weir.runtime.operators.window;

import io.weir.api.state.MapState;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.MergingWindowAssigner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-flight window set of session windows, over a map-backed {@link MapState}. */
class MergingWindowSetTest {
    private final Map<Window, Window> mapping = new HashMap<>();
    private final List<String> merges = new ArrayList<>();
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final MergingWindowSet set = new MergingWindowSet(
            (MergingWindowAssigner) EventTimeSessionWindows.withGap(java.time.Duration.ofMillis(10)), new MapBacked(mapping));

    private static TimeWindow w(long start, long end) {
        return new TimeWindow(start, end);
    }

    private Window add(Window window) throws Exception {
        return set.addWindow(window, (result, merged, stateResult, mergedStates) ->
                merges.add(result + " <- " + Set.copyOf(merged) + " state " + stateResult + " merging " + mergedStates));
    }

    @Test
    void shouldKeepSeparateWindowsAsTheirOwnStateWindows() throws Exception {
        assertThat(add(w(0, 10))).isEqualTo(w(0, 10));
        assertThat(add(w(20, 30))).isEqualTo(w(20, 30));
        assertThat(mapping).containsExactlyInAnyOrderEntriesOf(Map.of(w(0, 10), w(0, 10), w(20, 30), w(20, 30)));
        assertThat(merges).isEmpty();
    }

    @Test
    void shouldExtendAWindowAndKeepItsStateWindow() throws Exception {
        add(w(0, 10));
        assertThat(add(w(5, 15))).isEqualTo(w(0, 15));
        assertThat(set.stateWindow(w(0, 15))).isEqualTo(w(0, 10));
        assertThat(set.stateWindow(w(0, 10))).isNull();
        assertThat(merges).containsExactly(w(0, 15) + " <- " + Set.of(w(0, 10)) + " state " + w(0, 10) + " merging []");
    }

    @Test
    void shouldNotReportAWindowThatFallsInsideAnInFlightOne() throws Exception {
        add(w(0, 10));
        assertThat(add(w(2, 5))).isEqualTo(w(0, 10));
        assertThat(mapping).containsExactlyInAnyOrderEntriesOf(Map.of(w(0, 10), w(0, 10)));
        assertThat(merges).isEmpty();
    }

    @Test
    void shouldMergeTwoWindowsBridgedByANewOne() throws Exception {
        add(w(0, 10));
        add(w(20, 30));
        assertThat(add(w(8, 22))).isEqualTo(w(0, 30));
        Window stateWindow = set.stateWindow(w(0, 30));
        assertThat(stateWindow).isIn(w(0, 10), w(20, 30));
        Window other = stateWindow.equals(w(0, 10)) ? w(20, 30) : w(0, 10);
        assertThat(merges).containsExactly(w(0, 30) + " <- " + Set.of(w(0, 10), w(20, 30)) + " state " + stateWindow
                + " merging [" + other + "]");
        assertThat(set.windows()).containsExactly(w(0, 30));
    }

    @Test
    void shouldKeepTheStateWindowThroughSeveralMerges() throws Exception {
        add(w(0, 10));
        add(w(9, 19));
        add(w(18, 28));
        assertThat(set.windows()).containsExactly(w(0, 28));
        assertThat(set.stateWindow(w(0, 28))).isEqualTo(w(0, 10));
    }

    @Test
    void shouldRetireWindowsAndRefuseUnknownOnes() throws Exception {
        add(w(0, 10));
        set.retireWindow(w(0, 10));
        assertThat(mapping).isEmpty();
        assertThatThrownBy(() -> set.retireWindow(w(0, 10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in the in-flight window set");
    }

    /** A {@link MapState} over a plain map. */
    private record MapBacked(Map<Window, Window> map) implements MapState<Window, Window> {
        @Override
        public Window get(Window key) {
            return map.get(key);
        }

        @Override
        public void put(Window key, Window value) {
            map.put(key, value);
        }

        @Override
        public void putAll(Map<Window, Window> m) {
            map.putAll(m);
        }

        @Override
        public void remove(Window key) {
            map.remove(key);
        }

        @Override
        public boolean contains(Window key) {
            return map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<Window, Window>> entries() {
            return map.entrySet();
        }

        @Override
        public Iterable<Window> keys() {
            return map.keySet();
        }

        @Override
        public Iterable<Window> values() {
            return map.values();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
