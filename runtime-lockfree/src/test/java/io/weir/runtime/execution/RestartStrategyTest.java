package io.weir.runtime.execution;

import io.weir.api.config.Configuration;
import io.weir.api.config.RecoveryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartStrategyTest {

    @Test
    void shouldNeverRestartWithNone() {
        assertThat(new RestartStrategy.None().nextDelayMillis(1, 0)).isEqualTo(-1);
    }

    @Test
    void shouldRestartAFixedNumberOfTimes() {
        var s = new RestartStrategy.FixedDelay(2, 500);
        assertThat(s.nextDelayMillis(1, 0)).isEqualTo(500);
        assertThat(s.nextDelayMillis(2, 0)).isEqualTo(500);
        assertThat(s.nextDelayMillis(3, 0)).isEqualTo(-1);
    }

    @Test
    void shouldBackOffExponentiallyUpToTheMaximumAndResetAfterAQuietPeriod() {
        var s = new RestartStrategy.ExponentialDelay(100, 1_000, 2.0, 60_000, Integer.MAX_VALUE);
        assertThat(s.nextDelayMillis(1, 0)).isEqualTo(100);
        assertThat(s.nextDelayMillis(2, 10)).isEqualTo(200);
        assertThat(s.nextDelayMillis(3, 20)).isEqualTo(400);
        assertThat(s.nextDelayMillis(4, 30)).isEqualTo(800);
        assertThat(s.nextDelayMillis(5, 40)).isEqualTo(1_000);
        assertThat(s.nextDelayMillis(6, 50)).isEqualTo(1_000);
        assertThat(s.nextDelayMillis(7, 50 + 60_000)).as("reset after a quiet minute").isEqualTo(100);
    }

    @Test
    void shouldGiveUpAfterTheAttemptsInARow() {
        var s = new RestartStrategy.ExponentialDelay(1, 10, 2.0, 60_000, 2);
        assertThat(s.nextDelayMillis(1, 0)).isPositive();
        assertThat(s.nextDelayMillis(2, 0)).isPositive();
        assertThat(s.nextDelayMillis(3, 0)).isEqualTo(-1);
    }

    @Test
    void shouldReadTheConfigurationAndRefuseUnknownNames() {
        Configuration c = new Configuration();
        assertThat(RestartStrategy.from(c, false)).isInstanceOf(RestartStrategy.None.class);
        assertThat(RestartStrategy.from(c, true)).isInstanceOf(RestartStrategy.ExponentialDelay.class);
        c.setString(RecoveryOptions.RESTART_STRATEGY.key(), "fixed-delay");
        c.setString(RecoveryOptions.FIXED_DELAY_ATTEMPTS.key(), "7");
        assertThat(RestartStrategy.from(c, false)).isEqualTo(new RestartStrategy.FixedDelay(7, 1_000));
        c.setString(RecoveryOptions.RESTART_STRATEGY.key(), "sometimes");
        assertThatThrownBy(() -> RestartStrategy.from(c, false)).hasMessageContaining("sometimes")
                .hasMessageContaining("fixed-delay");
    }
}
