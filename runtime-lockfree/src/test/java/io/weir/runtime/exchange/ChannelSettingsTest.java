package io.weir.runtime.exchange;

import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelSettingsTest {

    @Test
    void shouldReadTheExchangeOptions() {
        Configuration configuration = new Configuration()
                .set(ExecutionOptions.CHANNEL_CAPACITY, 32)
                .setString(ExecutionOptions.BATCH_SIZE.key(), "64")
                .set(ExecutionOptions.BUFFER_SIZE, 4096);

        assertThat(ChannelSettings.from(configuration)).isEqualTo(new ChannelSettings(32, 64, 4096));
        assertThat(ChannelSettings.defaults()).isEqualTo(new ChannelSettings(16, 256, 32 * 1024));
    }

    @Test
    void shouldRejectACapacityThatIsNotAPowerOfTwoNamingTheOption() {
        assertThatThrownBy(() -> new ChannelSettings(12, 8, 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exchange.channel-capacity").hasMessageContaining("12");
    }

    @Test
    void shouldRejectTooSmallBatchesAndBuffersNamingTheOption() {
        assertThatThrownBy(() -> new ChannelSettings(8, 0, 1024)).hasMessageContaining("exchange.batch-size");
        assertThatThrownBy(() -> new ChannelSettings(8, 8, 16)).hasMessageContaining("exchange.buffer-size");
    }
}
