package io.weir.runtime.state;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Part of the state-backend contract suite ({@link KeyedStateBackendContractTest}): state TTL on the
 * manual processing-time clock (which starts at 1000), with both update types and both
 * visibilities, and incremental cleanup.
 */
public abstract class StateTtlContract extends StateHandleContract {
    private static final Duration TTL = Duration.ofMillis(10);

    private static StateTtlConfig.Builder ttl() {
        return StateTtlConfig.newBuilder(TTL);
    }

    private static <D extends StateDescriptor<?>> D withTtl(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    private ValueState<Long> value(StateTtlConfig config) {
        return state.getState(withTtl(new ValueStateDescriptor<>("v", Long.class), config));
    }

    @Test
    public void shouldExpireAValueTtlAfterItsLastWriteWhenUpdatingOnCreateAndWrite() {
        ValueState<Long> v = value(ttl().updateTtlOnCreateAndWrite().build());
        state.setCurrentKey("a");
        v.update(1L);
        clock.set(1009);
        assertThat(v.value()).isEqualTo(1L);
        clock.set(1010);
        assertThat(v.value()).isNull();
        v.update(2L);
        clock.set(1019);
        assertThat(v.value()).isEqualTo(2L);
    }

    @Test
    public void shouldRefreshAValueOnReadWhenUpdatingOnReadAndWrite() {
        ValueState<Long> v = value(ttl().updateTtlOnReadAndWrite().build());
        state.setCurrentKey("a");
        v.update(1L);
        clock.set(1009);
        assertThat(v.value()).isEqualTo(1L);
        clock.set(1018);
        assertThat(v.value()).isEqualTo(1L);
        clock.set(1028);
        assertThat(v.value()).isNull();
    }

    @Test
    public void shouldNeverReturnAnExpiredValueAndRemoveItWhenRead() {
        ValueState<Long> v = value(ttl().neverReturnExpired().disableCleanupInBackground().build());
        state.setCurrentKey("a");
        v.update(1L);
        clock.set(1010);
        assertThat(entryCount(state, "v")).isEqualTo(1);
        assertThat(v.value()).isNull();
        assertThat(entryCount(state, "v")).isZero();
    }

    @Test
    public void shouldReturnAnExpiredValueOnceWhenItWasNotCleanedUp() {
        ValueState<Long> v = value(ttl().returnExpiredIfNotCleanedUp().disableCleanupInBackground().build());
        state.setCurrentKey("a");
        v.update(1L);
        clock.set(1010);
        assertThat(v.value()).isEqualTo(1L);
        assertThat(v.value()).isNull();
    }

    @Test
    public void shouldExpireListElementsOneByOne() {
        ListState<String> l = state.getListState(withTtl(new ListStateDescriptor<>("l", String.class), ttl().build()));
        state.setCurrentKey("a");
        l.add("old");
        clock.set(1005);
        l.add("new");
        clock.set(1010);
        assertThat(l.get()).containsExactly("new");
        clock.set(1015);
        assertThat(l.get()).isEmpty();
        assertThat(entryCount(state, "l")).isZero();
    }

    @Test
    public void shouldExpireMapEntriesOneByOne() {
        MapState<String, Integer> m = state.getMapState(
                withTtl(new MapStateDescriptor<>("m", String.class, Integer.class), ttl().build()));
        state.setCurrentKey("a");
        m.put("old", 1);
        clock.set(1005);
        m.put("new", 2);
        m.put("null", null);
        clock.set(1010);
        assertThat(m.get("old")).isNull();
        assertThat(m.contains("new")).isTrue();
        assertThat(m.keys()).containsExactlyInAnyOrder("new", "null");
        assertThat(toMap(m.entries())).containsEntry("new", 2).hasSize(2);
        clock.set(1015);
        assertThat(m.isEmpty()).isTrue();
        assertThat(m.entries()).isEmpty();
    }

    @Test
    public void shouldApplyTtlToReducingState() {
        ReducingState<Long> r = state.getReducingState(
                withTtl(new ReducingStateDescriptor<>("r", Long::sum, Long.class), ttl().build()));
        state.setCurrentKey("a");
        r.add(1L);
        clock.set(1005);
        r.add(2L);
        clock.set(1014);
        assertThat(r.get()).isEqualTo(3L);
        clock.set(1015);
        assertThat(r.get()).isNull();
    }

    @Test
    public void shouldRemoveExpiredEntriesIncrementallyOnEachAccessOfTheState() {
        ValueState<Long> v = value(ttl().cleanupIncrementally(5, false).build());
        writeKeys(v, 40);
        assertThat(entryCount(state, "v")).isEqualTo(40);
        clock.set(2000);
        state.setCurrentKey("reader");
        v.value();
        assertThat(entryCount(state, "v")).isEqualTo(35);
        for (int i = 0; i < 10; i++) {
            v.value();
        }
        assertThat(entryCount(state, "v")).isZero();
    }

    @Test
    public void shouldRemoveExpiredEntriesForEveryRecordWhenConfigured() {
        ValueState<Long> v = value(ttl().cleanupIncrementally(5, true).build());
        writeKeys(v, 20);
        clock.set(2000);
        state.setCurrentKey("reader");
        assertThat(entryCount(state, "v")).isEqualTo(15);
        for (int i = 0; i < 3; i++) {
            state.setCurrentKey("reader");
        }
        assertThat(entryCount(state, "v")).isZero();
    }

    @Test
    public void shouldKeepExpiredEntriesUntilReadWhenBackgroundCleanupIsOff() {
        ValueState<Long> v = value(ttl().disableCleanupInBackground().build());
        writeKeys(v, 10);
        clock.set(2000);
        state.setCurrentKey("reader");
        for (int i = 0; i < 20; i++) {
            v.value();
        }
        assertThat(entryCount(state, "v")).isEqualTo(10);
    }

    @Test
    public void shouldTrimExpiredListElementsInIncrementalCleanup() {
        ListState<String> l = state.getListState(withTtl(new ListStateDescriptor<>("l", String.class),
                ttl().returnExpiredIfNotCleanedUp().cleanupIncrementally(1, false).build()));
        state.setCurrentKey("a");
        l.add("old");
        clock.set(1005);
        l.add("new");
        clock.set(1012);
        state.setCurrentKey("reader");
        l.add("x");
        for (int i = 0; i < 3; i++) {
            l.get();
        }
        state.setCurrentKey("a");
        assertThat(l.get()).containsExactly("new");
    }

    private void writeKeys(ValueState<Long> v, int keys) {
        for (int i = 0; i < keys; i++) {
            state.setCurrentKey("key-" + i);
            v.update((long) i);
        }
    }
}
