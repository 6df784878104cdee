package io.weir.runtime.state;

import io.weir.api.codec.CodecRegistry;
import io.weir.api.config.Configuration;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.time.ManualClock;
import io.weir.runtime.graph.KeyGroups;
import io.weir.spi.state.EntryCursor;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedBackendParameters;
import io.weir.spi.state.KeyedStateBackend;
import io.weir.spi.state.StateBackendFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedStateManagerTest {
    private final ManualClock clock = new ManualClock();
    private final CodecRegistry codecs = new CodecRegistry();

    private KeyedStateManager create(int subtask, int parallelism, int maxParallelism) {
        return KeyedStateManager.create(new Configuration(), codecs, "op", subtask, parallelism, maxParallelism,
                clock::currentTimeMillis);
    }

    @Test
    void shouldUseTheHeapBackendByDefault() {
        assertThat(StateBackends.all()).extracting(StateBackendFactory::name).contains("heap");
        try (KeyedStateManager m = create(0, 1, 16)) {
            assertThat(m.backend().getClass().getName()).startsWith("io.weir.state.heap.");
            assertThat(m.backend().parameters().codecs()).isSameAs(codecs);
        }
    }

    @Test
    void shouldOwnTheKeyGroupsOfItsSubtaskAndNoneWhenThereAreMoreSubtasksThanKeyGroups() {
        try (KeyedStateManager m = create(2, 3, 10)) {
            assertThat(m.backend().keyGroupRange()).isEqualTo(KeyGroupRange.of(7, 9));
        }
        try (KeyedStateManager m = create(1, 4, 2)) {
            assertThat(m.backend().keyGroupRange().isEmpty()).isTrue();
            assertThatThrownBy(() -> m.setCurrentKey("any")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseAMaxParallelismOtherThanTheBackends() {
        KeyedStateBackend backend = StateBackends.find("heap").create(new Configuration())
                .createKeyedBackend(KeyedBackendParameters.builder().operatorName("op").maxParallelism(8)
                        .keyCodec(codecs.dynamicCodec()).build());
        assertThatThrownBy(() -> new KeyedStateManager(backend, "op", 16, clock::currentTimeMillis))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16").hasMessageContaining("8");
    }

    @Test
    void shouldRefuseANullKeyNamingTheOperator() {
        try (KeyedStateManager m = create(0, 1, 16)) {
            assertThatThrownBy(() -> m.setCurrentKey(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("'op'");
        }
    }

    @Test
    void shouldRefuseNewStateAfterCloseAndCloseOnce() {
        KeyedStateManager m = create(0, 1, 16);
        m.close();
        m.close();
        assertThat(m.currentKey()).isNull();
        assertThatThrownBy(() -> m.getState(new ValueStateDescriptor<>("v", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldReportProgressWhileAWatermarkFiresManyTimers() {
        try (KeyedStateManager m = create(0, 1, 16)) {
            java.util.concurrent.atomic.AtomicInteger beats = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger firedTimers = new java.util.concurrent.atomic.AtomicInteger();
            m.setProgressListener(beats::incrementAndGet);
            var timers = m.timerService("t", io.weir.runtime.state.VoidNamespace.CODEC,
                    new io.weir.runtime.timers.Triggerable<io.weir.runtime.state.VoidNamespace>() {
                        @Override
                        public void onEventTime(io.weir.runtime.timers.InternalTimer<io.weir.runtime.state.VoidNamespace> timer) {
                            firedTimers.incrementAndGet();
                        }

                        @Override
                        public void onProcessingTime(io.weir.runtime.timers.InternalTimer<io.weir.runtime.state.VoidNamespace> timer) {
                        }
                    });
            for (long key = 0; key < 5_000; key++) {
                m.setCurrentKey(key);
                timers.registerEventTimeTimer(io.weir.runtime.state.VoidNamespace.INSTANCE, key);
            }
            m.advanceWatermark(10_000);
            assertThat(firedTimers).hasValue(5_000);
            assertThat(beats).as("one beat per 1,024 timers").hasValue(4);
        }
    }

    @Test
    void aKeySetLazilyIsTheKeyOfStateReadAndWrittenUnderItInItsKeyGroup() {
        try (KeyedStateManager m = create(0, 1, 128)) {
            assertThat(KeyGroups.keyGroupFor("a", 128)).isNotEqualTo(KeyGroups.keyGroupFor("b", 128));
            ValueState<Long> value = m.getState(new ValueStateDescriptor<>("v", Long.class));
            m.setCurrentKey("a");
            value.update(1L);
            m.setCurrentKeyLazily("b");
            assertThat(m.currentKey()).isEqualTo("b");
            assertThat(value.value()).as("b's value, not a's").isNull();
            value.update(2L);
            m.setCurrentKeyLazily("a");
            assertThat(value.value()).isEqualTo(1L);
            m.setCurrentKeyLazily("b");
            m.setCurrentKey("a"); // an eager key after a lazy one that was never used
            assertThat(value.value()).isEqualTo(1L);
            assertThat(keysIn(m, KeyGroups.keyGroupFor("a", 128))).containsExactly("a");
            assertThat(keysIn(m, KeyGroups.keyGroupFor("b", 128))).containsExactly("b");
        }
    }

    @Test
    void aKeySetLazilyIsHandedToTheBackendOnlyWhenATimerIsRegistered() {
        KeyedStateBackend backend = StateBackends.find("heap").create(new Configuration())
                .createKeyedBackend(KeyedBackendParameters.builder().operatorName("op").maxParallelism(128)
                        .keyGroupRange(KeyGroupRange.of(0, 127)).keyCodec(codecs.dynamicCodec()).build());
        try (KeyedStateManager m = new KeyedStateManager(backend, "op", 128, clock::currentTimeMillis)) {
            RecordingTriggerable<VoidNamespace> fired = new RecordingTriggerable<>(m);
            var timers = m.timerService("t", VoidNamespace.CODEC, fired);
            m.setCurrentKey("a");
            m.setCurrentKeyLazily("b");
            assertThat(backend.currentKey()).as("no key group computed yet").isEqualTo("a");
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 5);
            assertThat(backend.currentKey()).isEqualTo("b");
            assertThat(backend.currentKeyGroup()).isEqualTo(KeyGroups.keyGroupFor("b", 128));
            assertThat(backend.timerStores().getFirst().timers(KeyGroups.keyGroupFor("b", 128)))
                    .extracting(e -> e.key()).containsExactly("b");
            m.setCurrentKeyLazily("a");
            timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, 5); // a's: none, b's stays
            m.advanceWatermark(5);
            assertThat(fired.fired).containsExactly("E:5:b:" + VoidNamespace.INSTANCE);
        }
    }

    @Test
    void aKeyOfAnotherSubtaskSetLazilyIsRefusedAtItsFirstUse() {
        try (KeyedStateManager m = create(0, 2, 128)) {
            Object foreign = null;
            for (long key = 0; foreign == null; key++) {
                if (!m.backend().keyGroupRange().contains(KeyGroups.keyGroupFor(key, 128))) {
                    foreign = key;
                }
            }
            ValueState<Long> value = m.getState(new ValueStateDescriptor<>("v", Long.class));
            m.setCurrentKeyLazily(foreign);
            assertThatThrownBy(value::value).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> m.setCurrentKeyLazily(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("'op'");
        }
    }

    private static List<Object> keysIn(KeyedStateManager m, int keyGroup) {
        List<Object> keys = new ArrayList<>();
        EntryCursor<?, ?> cursor = m.backend().stores().getFirst().cursor(keyGroup);
        while (cursor.next()) {
            keys.add(cursor.key());
        }
        return keys;
    }
}
