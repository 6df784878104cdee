package io.weir.api.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateTtlConfigTest {

    @Test
    void shouldDefaultLikeFlinkToWriteRefreshNeverReturnExpiredAndIncrementalCleanupOfFive() {
        StateTtlConfig c = StateTtlConfig.newBuilder(Duration.ofSeconds(3)).build();
        assertThat(c.isEnabled()).isTrue();
        assertThat(c.ttlMillis()).isEqualTo(3000);
        assertThat(c.updateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
        assertThat(c.stateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
        assertThat(c.cleanupSize()).isEqualTo(5);
        assertThat(c.runCleanupForEveryRecord()).isFalse();
        assertThat(c.cleanupFullSnapshot()).isFalse();
    }

    @Test
    void shouldBuildWhatWasSet() {
        StateTtlConfig c = StateTtlConfig.newBuilder(Duration.ofMillis(1))
                .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
                .cleanupIncrementally(10, true)
                .cleanupFullSnapshot()
                .setTtl(Duration.ofMinutes(2))
                .build();
        assertThat(c.ttl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.updateType()).isEqualTo(StateTtlConfig.UpdateType.OnReadAndWrite);
        assertThat(c.stateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp);
        assertThat(c.cleanupSize()).isEqualTo(10);
        assertThat(c.runCleanupForEveryRecord()).isTrue();
        assertThat(c.cleanupFullSnapshot()).isTrue();
        assertThat(StateTtlConfig.newBuilder(Duration.ofSeconds(1)).disableCleanupInBackground().build().cleanupSize())
                .isZero();
    }

    @Test
    void shouldRefuseNonPositiveTtlsDisabledUpdatesAndEmptyCleanups() {
        assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 ms");
        assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofNanos(10)))
                .isInstanceOf(IllegalArgumentException.class);
        StateTtlConfig.Builder b = StateTtlConfig.newBuilder(Duration.ofSeconds(1));
        assertThatThrownBy(() -> b.setUpdateType(StateTtlConfig.UpdateType.Disabled))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.cleanupIncrementally(0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disableCleanupInBackground");
    }
}
