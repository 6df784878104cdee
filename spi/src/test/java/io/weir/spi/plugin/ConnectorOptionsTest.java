package io.weir.spi.plugin;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Source;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorOptionsTest {
    static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null, "where the files are");
    static final ConfigOption<Long> RATE = ConfigOption.of("rate", Long.class, 100L, "records per second");

    private final SourceFactory factory = new SourceFactory() {
        @Override
        public String name() {
            return "files";
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return Set.of(PATH);
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return Set.of(RATE);
        }

        @Override
        public Source<?> create(Configuration configuration) {
            return new Source<String>() {
                @Override
                public String toString() {
                    return configuration.get(PATH) + "@" + configuration.get(RATE);
                }
            };
        }
    };

    @Test
    void shouldCreateFromAValidStringConfiguration() {
        Source<?> source = factory.validateAndCreate(Configuration.fromMap(Map.of("source", "files", "path", "/in", "rate", "5")));

        assertThat(source).hasToString("/in@5");
    }

    @Test
    void shouldRejectUnknownKeysListingTheAcceptedOptions() {
        assertThatThrownBy(() -> factory.validateAndCreate(Configuration.fromMap(Map.of("path", "/in", "rtae", "5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'files'")
                .hasMessageContaining("unknown option 'rtae'")
                .hasMessageContaining("path (a String, required): where the files are")
                .hasMessageContaining("rate (a Long, default 100): records per second");
    }

    @Test
    void shouldRejectWrongTypesAndMissingRequiredOptionsTogether() {
        assertThatThrownBy(() -> factory.validateAndCreate(Configuration.fromMap(Map.of("rate", "fast"))))
                .hasMessageContaining("missing required option 'path'")
                .hasMessageContaining("option 'rate': 'fast' is not a Long");
    }

    @Test
    void shouldUnionRequiredAndOptionalOptions() {
        assertThat(factory.options()).containsExactlyInAnyOrder(PATH, RATE);
    }

    @Test
    void shouldAcceptOnlyCompatibleSpiVersions() {
        assertThat(SpiVersion.isCompatible(SpiVersion.CURRENT)).isTrue();
        assertThat(SpiVersion.isCompatible(SpiVersion.CURRENT + 1)).isFalse();
        assertThat(SpiVersion.isCompatible(0)).isFalse();
    }

    @Test
    void shouldReadADescriptorAndNameEveryMissingKey() throws Exception {
        PluginDescriptor d = PluginDescriptor.read(stream("name=datagen\nversion=1.2\nspi-version=1\n"), "plugins/datagen");
        assertThat(d).isEqualTo(new PluginDescriptor("datagen", "1.2", 1));

        assertThatThrownBy(() -> PluginDescriptor.read(stream("name=x\nspi-version=one\n"), "plugins/x"))
                .hasMessageContaining("plugins/x")
                .hasMessageContaining("'version' is missing")
                .hasMessageContaining("'spi-version' must be an integer, not 'one'");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
