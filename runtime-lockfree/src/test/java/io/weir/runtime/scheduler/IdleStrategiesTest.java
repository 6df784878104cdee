package io.weir.runtime.scheduler;

import io.weir.api.config.IdleStrategyKind;
import io.weir.spi.scheduler.IdleStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class IdleStrategiesTest {

    @Test
    void shouldBackEachKindWithTheMatchingAgronaStrategy() {
        assertThat(alias(IdleStrategyKind.BUSY_SPIN)).isEqualTo(BusySpinIdleStrategy.ALIAS);
        assertThat(alias(IdleStrategyKind.YIELD)).isEqualTo(YieldingIdleStrategy.ALIAS);
        assertThat(alias(IdleStrategyKind.BACKOFF)).isEqualTo(BackoffIdleStrategy.ALIAS);
    }

    @ParameterizedTest
    @EnumSource(IdleStrategyKind.class)
    void shouldCreateAFreshStrategyPerCall(IdleStrategyKind kind) {
        assertThat(IdleStrategies.create(kind)).isNotSameAs(IdleStrategies.create(kind));
    }

    @ParameterizedTest
    @EnumSource(IdleStrategyKind.class)
    void shouldIdleAndResetThroughEveryStep(IdleStrategyKind kind) {
        IdleStrategy strategy = IdleStrategies.create(kind);

        for (int i = 0; i < 40; i++) {
            strategy.idle(0);
        }
        strategy.idle(1);
        strategy.idle();
        strategy.reset();

        assertThat(strategy.toString()).isNotBlank();
    }

    @Test
    void shouldRejectANullKind() {
        assertThatNullPointerException().isThrownBy(() -> IdleStrategies.create(null)).withMessage("kind");
    }

    private static String alias(IdleStrategyKind kind) {
        return ((AgronaIdleStrategy) IdleStrategies.create(kind)).alias();
    }
}
