package io.weir.connectors.datagen;

import io.weir.api.config.Configuration;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.SourceFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatagenSourceFactoryTest {
    private final SourceFactory factory = ServiceLoader.load(SourceFactory.class).stream()
            .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("datagen")).findFirst().orElseThrow();

    @Test
    void shouldBuildANexmarkSourceFromStrings() {
        Source<?> source = factory.validateAndCreate(Configuration.fromMap(Map.of("source", "datagen", "events", "100",
                "seed", "7", "out-of-orderness", "200ms", "late-fraction", "0.05", "rate", "1000")));

        assertThat(source).isInstanceOf(DatagenSource.class);
        assertThat(((DatagenSource<?>) source).generator())
                .isEqualTo(new NexmarkGenerator(7, new EventTime(1_767_225_600_000L, 1_000_000, 200, 0.05, 1000)));
    }

    @Test
    void shouldBuildASequenceSource() {
        DatagenSource<?> source = (DatagenSource<?>) factory.validateAndCreate(
                Configuration.fromMap(Map.of("kind", "sequence", "from", "5", "events", "3")));

        assertThat(source.generator().event(0)).isEqualTo(5L);
        assertThat(source.producedType()).isEqualTo(Long.class);
    }

    @Test
    void shouldRejectUnknownKeysAndWrongTypesListingTheAcceptedOptions() {
        assertThatThrownBy(() -> factory.validateAndCreate(Configuration.fromMap(Map.of("rate", "fast", "sed", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'datagen'")
                .hasMessageContaining("unknown option 'sed'")
                .hasMessageContaining("option 'rate': 'fast' is not a Double")
                .hasMessageContaining("seed (a Long, default 0)")
                .hasMessageContaining("kind (one of [nexmark, sequence, random], default NEXMARK)");
    }

    @Test
    void shouldRejectAnImpossibleLateFraction() {
        assertThatThrownBy(() -> factory.validateAndCreate(Configuration.fromMap(Map.of("late-fraction", "1.5"))))
                .hasMessageContaining("late fraction must be in [0, 1]")
                .hasMessageContaining("late-fraction");
    }
}
