package io.weir.runtime.state;

import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.runtime.timers.InternalTimerService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every state backend meets, driven through {@link KeyedStateManager} so that it also
 * covers the state handles, TTL and timers over the backend: the tests of
 * {@link StateHandleContract} (every kind of state, namespaces, key groups, errors),
 * {@link StateTtlContract} (TTL), {@link StateSnapshotContract} (snapshot and restore, rescaling)
 * and, here, timers. A backend runs it with a subclass that names the
 * backend, as {@link HeapKeyedStateBackendTest} does; other modules reach it through
 * runtime-lockfree's test-jar.
 */
public abstract class KeyedStateBackendContractTest extends StateSnapshotContract {

    private InternalTimerService<String> timers(RecordingTriggerable<String> target) {
        return state.timerService("t", codecs.codecFor(String.class), target);
    }

    private void register(InternalTimerService<String> timers, String key, String namespace, long time) {
        state.setCurrentKey(key);
        timers.registerEventTimeTimer(namespace, time);
    }

    @Test
    public void shouldFireEventTimersInTimestampOrderAcrossKeysAndNamespaces() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        register(timers, "a", "n1", 30);
        register(timers, "b", "n2", 10);
        register(timers, "c", "n1", 20);
        register(timers, "a", "n2", 25);
        assertThat(state.nextEventTimeTimer()).isEqualTo(10);

        state.advanceWatermark(25);
        assertThat(target.fired).containsExactly("E:10:b:n2", "E:20:c:n1", "E:25:a:n2");
        state.advanceWatermark(29);
        assertThat(target.fired).hasSize(3);
        state.advanceWatermark(100);
        assertThat(target.fired).containsExactly("E:10:b:n2", "E:20:c:n1", "E:25:a:n2", "E:30:a:n1");
        assertThat(state.nextEventTimeTimer()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    public void shouldFireATimerRegisteredTwiceOnlyOnce() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        register(timers, "a", "n", 10);
        register(timers, "a", "n", 10);
        register(timers, "a", "m", 10);
        register(timers, "b", "n", 10);
        state.advanceWatermark(10);
        assertThat(target.fired).containsExactlyInAnyOrder("E:10:a:n", "E:10:a:m", "E:10:b:n");
    }

    @Test
    public void shouldNotFireDeletedTimers() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        state.setCurrentKey("a");
        timers.registerEventTimeTimer("n", 10);
        timers.registerProcessingTimeTimer("n", 1100);
        timers.registerEventTimeTimer("n", 20);
        timers.deleteEventTimeTimer("n", 10);
        timers.deleteProcessingTimeTimer("n", 1100);
        timers.deleteEventTimeTimer("n", 99);
        state.advanceWatermark(100);
        state.advanceProcessingTime(2000);
        assertThat(target.fired).containsExactly("E:20:a:n");
    }

    @Test
    public void shouldFireInTheSameAdvanceATimerThatACallbackRegistersAlreadyDue() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        target.onFire(t -> {
            if (t.timestamp() == 10) {
                timers.registerEventTimeTimer("later", 15);
                timers.registerEventTimeTimer("later", 25);
                timers.registerEventTimeTimer("past", 5);
            }
        });
        register(timers, "a", "n", 10);
        register(timers, "b", "n", 18);
        state.advanceWatermark(20);
        assertThat(target.fired).containsExactly("E:10:a:n", "E:5:a:past", "E:15:a:later", "E:18:b:n");
        state.advanceWatermark(30);
        assertThat(target.fired).endsWith("E:25:a:later");
    }

    @Test
    public void shouldNotFireATimerThatACallbackDeleted() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        target.onFire(t -> timers.deleteEventTimeTimer("n", 20));
        register(timers, "a", "n", 10);
        register(timers, "a", "n", 20);
        state.advanceWatermark(30);
        assertThat(target.fired).containsExactly("E:10:a:n");
    }

    @Test
    public void shouldGiveCallbacksTheTimersKeyWithItsStateAndTheWatermark() {
        ValueState<String> v = state.getState(new ValueStateDescriptor<>("v", String.class));
        List<String> seen = new ArrayList<>();
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        target.onFire(t -> seen.add(v.value() + "@" + timers.currentWatermark()));
        assertThat(timers.currentWatermark()).isEqualTo(Long.MIN_VALUE);
        for (String key : List.of("a", "b")) {
            state.setCurrentKey(key);
            v.update("state-of-" + key);
            timers.registerEventTimeTimer("n", key.equals("a") ? 2 : 1);
        }
        state.advanceWatermark(7);
        assertThat(seen).containsExactly("state-of-b@7", "state-of-a@7");
    }

    @Test
    public void shouldFireProcessingTimersUpToNowAndReportTheNextOne() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        assertThat(timers.currentProcessingTime()).isEqualTo(1000);
        state.setCurrentKey("a");
        timers.registerProcessingTimeTimer("n", 1500);
        state.setCurrentKey("b");
        timers.registerProcessingTimeTimer("n", 1200);
        timers.registerEventTimeTimer("n", 1);
        assertThat(state.nextProcessingTimeTimer()).isEqualTo(1200);

        state.advanceProcessingTime(1300);
        assertThat(target.fired).containsExactly("P:1200:b:n");
        assertThat(state.nextProcessingTimeTimer()).isEqualTo(1500);
        state.advanceProcessingTime(1500);
        assertThat(target.fired).containsExactly("P:1200:b:n", "P:1500:a:n");
        assertThat(state.nextProcessingTimeTimer()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    public void shouldFireAcrossTimerServicesInTimestampOrder() {
        List<String> order = new ArrayList<>();
        InternalTimerService<String> first = state.timerService("first", codecs.codecFor(String.class),
                new RecordingTriggerable<String>(state).onFire(t -> order.add("first:" + t.timestamp())));
        InternalTimerService<String> second = state.timerService("second", codecs.codecFor(String.class),
                new RecordingTriggerable<String>(state).onFire(t -> order.add("second:" + t.timestamp())));
        state.setCurrentKey("a");
        first.registerEventTimeTimer("n", 30);
        second.registerEventTimeTimer("n", 10);
        first.registerEventTimeTimer("n", 20);
        second.registerEventTimeTimer("n", 40);
        state.advanceWatermark(100);
        assertThat(order).containsExactly("second:10", "first:20", "first:30", "second:40");
    }

    @Test
    public void shouldFireATimerAtLongMaxValueOnTheFinalWatermark() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        InternalTimerService<String> timers = timers(target);
        register(timers, "a", "n", Long.MAX_VALUE);
        state.advanceWatermark(Long.MAX_VALUE - 1);
        assertThat(target.fired).isEmpty();
        state.advanceWatermark(Long.MAX_VALUE);
        assertThat(target.fired).containsExactly("E:" + Long.MAX_VALUE + ":a:n");
    }

    @Test
    public void shouldRefuseTimersWithoutACurrentKey() {
        InternalTimerService<String> timers = timers(new RecordingTriggerable<>(state));
        assertThatThrownBy(() -> timers.registerEventTimeTimer("n", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timer service 't'").hasMessageContaining("current key");
    }

    @Test
    public void shouldReturnTheSameTimerServiceForTheSameNameAndRefuseAnotherTarget() {
        RecordingTriggerable<String> target = new RecordingTriggerable<>(state);
        assertThat(timers(target)).isSameAs(timers(target));
        assertThatThrownBy(() -> timers(new RecordingTriggerable<>(state))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'t'");
    }
}
