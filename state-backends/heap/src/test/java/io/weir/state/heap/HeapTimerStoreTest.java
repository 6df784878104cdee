package io.weir.state.heap;

import io.weir.spi.state.TimerEntry;
import io.weir.spi.state.TimerStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static io.weir.state.heap.HeapBackends.backend;
import static io.weir.state.heap.HeapBackends.timers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeapTimerStoreTest {
    private final HeapKeyedStateBackend backend = backend(0, 3);
    private final TimerStore<String> store = backend.timerStore(timers("t"));

    @Test
    void shouldKeepOneTimerPerKeyNamespaceAndTimestamp() {
        backend.setCurrentKey("a", 0);
        assertThat(store.add("w", 10)).isTrue();
        assertThat(store.add("w", 10)).isFalse();
        assertThat(store.add("v", 10)).isTrue();
        backend.setCurrentKey("b", 1);
        assertThat(store.add("w", 10)).isTrue();
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.contains("w", 10)).isTrue();
        assertThat(store.contains("w", 11)).isFalse();
    }

    @Test
    void shouldPollInTimestampOrderAndTiesInRegistrationOrder() {
        backend.setCurrentKey("a", 0);
        store.add("w", 30);
        store.add("w", 10);
        backend.setCurrentKey("b", 2);
        store.add("w", 20);
        store.add("x", 10);
        backend.setCurrentKey("c", 3);
        store.add("w", 10);

        assertThat(store.peekTimestamp()).isEqualTo(10);
        List<String> fired = new ArrayList<>();
        TimerEntry<String> t;
        while ((t = store.poll(Long.MAX_VALUE)) != null) {
            fired.add(t.timestamp() + ":" + t.key() + "/" + t.namespace());
        }
        assertThat(fired).containsExactly("10:a/w", "10:b/x", "10:c/w", "20:b/w", "30:a/w");
        assertThat(store.peekTimestamp()).isEqualTo(Long.MAX_VALUE);
        assertThat(store.size()).isZero();
    }

    @Test
    void shouldPollOnlyTimersUpToTheGivenTimestamp() {
        backend.setCurrentKey("a", 0);
        store.add("w", 5);
        store.add("w", 9);
        assertThat(store.poll(4)).isNull();
        assertThat(store.poll(8).timestamp()).isEqualTo(5);
        assertThat(store.poll(8)).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void shouldHoldATimerAtLongMaxValue() {
        backend.setCurrentKey("a", 0);
        store.add("w", Long.MAX_VALUE);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.peekTimestamp()).isEqualTo(Long.MAX_VALUE);
        assertThat(store.poll(Long.MAX_VALUE).timestamp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldRemoveATimerAndAllowItAgainAfterwards() {
        backend.setCurrentKey("a", 0);
        store.add("w", 10);
        store.add("w", 20);
        assertThat(store.remove("w", 10)).isTrue();
        assertThat(store.remove("w", 10)).isFalse();
        assertThat(store.peekTimestamp()).isEqualTo(20);
        assertThat(store.add("w", 10)).isTrue();
        assertThat(store.peekTimestamp()).isEqualTo(10);
    }

    @Test
    void shouldListTheTimersOfOneKeyGroupOnly() {
        backend.setCurrentKey("a", 1);
        store.add("w", 1);
        store.add("w", 2);
        backend.setCurrentKey("b", 2);
        store.add("w", 3);
        assertThat(store.timers(1)).extracting(TimerEntry::timestamp).containsExactlyInAnyOrder(1L, 2L);
        assertThat(store.timers(2)).extracting(TimerEntry::key).containsExactly("b");
        assertThat(store.timers(0)).isEmpty();
        assertThatThrownBy(() -> store.timers(4)).isInstanceOf(IllegalArgumentException.class);
        store.poll(1);
        assertThat(store.timers(1)).extracting(TimerEntry::timestamp).containsExactly(2L);
    }

    @Test
    void shouldRefuseTimersWithoutACurrentKey() {
        assertThatThrownBy(() -> store.add("w", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'t'");
    }

    @Test
    void shouldAgreeWithASortedSetUnderRandomAddsRemovesAndPolls() {
        Random random = new Random(42);
        TreeSet<Long> model = new TreeSet<>();
        backend.setCurrentKey("k", 0);
        for (int i = 0; i < 20_000; i++) {
            long ts = random.nextInt(500);
            switch (random.nextInt(4)) {
                case 0, 1 -> assertThat(store.add("n", ts)).isEqualTo(model.add(ts));
                case 2 -> assertThat(store.remove("n", ts)).isEqualTo(model.remove(ts));
                default -> {
                    TimerEntry<String> polled = store.poll(ts);
                    Long expected = model.isEmpty() || model.first() > ts ? null : model.pollFirst();
                    assertThat(polled == null ? null : polled.timestamp()).isEqualTo(expected);
                }
            }
            assertThat(store.size()).isEqualTo(model.size());
            assertThat(store.peekTimestamp()).isEqualTo(model.isEmpty() ? Long.MAX_VALUE : model.first());
        }
    }
}
