package io.weir.spi.plugin;

import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.SequenceSource;
import io.weir.api.connector.Sink;
import io.weir.api.connector.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorCatalogTest {
    static final ConfigOption<Long> TO = ConfigOption.of("to", Long.class, null, "the last number");
    static final ConfigOption<Long> FROM = ConfigOption.of("from", Long.class, 1L, "the first number");
    static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null, "the output folder");

    /** {@code source = numbers, to = N [, from = M]}; {@code to = 13} makes the factory throw. */
    static final class Numbers implements SourceFactory {
        @Override
        public String name() {
            return "numbers";
        }

        @Override
        public String description() {
            return "the numbers from..to";
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return Set.of(TO);
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return Set.of(FROM);
        }

        @Override
        public Source<?> create(Configuration configuration) {
            if (configuration.get(TO) == 13) {
                throw new IllegalStateException("unlucky");
            }
            return new SequenceSource(configuration.get(FROM), configuration.get(TO));
        }
    }

    record Folder(String path) implements Sink<Object> {
    }

    static final class FolderSinks implements SinkFactory {
        @Override
        public String name() {
            return "folder";
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return Set.of(PATH);
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return Set.of();
        }

        @Override
        public Sink<?> create(Configuration configuration) {
            return new Folder(configuration.get(PATH));
        }
    }

    private final ConnectorCatalog catalog = ConnectorCatalog.of(List.of(new Numbers()), List.of(new FolderSinks()));

    @Test
    void shouldBuildASourceAndASinkFromStringKeyedConfiguration() {
        Source<Long> source = catalog.createSource(Map.of("source", "numbers", "from", "5", "to", "9"));
        Sink<Object> sink = catalog.createSink(Map.of("sink", "folder", "path", "/tmp/out"));

        assertThat(source).isEqualTo(new SequenceSource(5, 9));
        assertThat(sink).isEqualTo(new Folder("/tmp/out"));
        assertThat(catalog.sourceNames()).containsExactly("numbers");
        assertThat(catalog.sinkNames()).containsExactly("folder");
    }

    @Test
    void shouldListTheAvailableSourcesForAnUnknownName() {
        assertThatThrownBy(() -> catalog.createSource(Map.of("source", "nubmers", "to", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown source 'nubmers'")
                .hasMessageContaining("available sources: numbers (the numbers from..to)");
        assertThatThrownBy(() -> catalog.createSink(Map.of("sink", "kafka")))
                .hasMessageContaining("unknown sink 'kafka'").hasMessageContaining("available sinks: folder");
    }

    @Test
    void shouldAskForTheSelectorKeyWhenItIsMissing() {
        assertThatThrownBy(() -> catalog.createSource(Map.of("to", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no 'source' key: set source = <name>")
                .hasMessageContaining("available sources: numbers");
    }

    @Test
    void shouldRefuseUnknownKeysAndWrongTypesListingTheAcceptedOptions() {
        assertThatThrownBy(() -> catalog.createSource(Map.of("source", "numbers", "to", "ten", "step", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'numbers'")
                .hasMessageContaining("unknown option 'step'")
                .hasMessageContaining("option 'to': 'ten' is not")
                .hasMessageContaining("Accepted options:")
                .hasMessageContaining("from (")
                .hasMessageContaining("to (");
        assertThatThrownBy(() -> catalog.createSink(Map.of("sink", "folder")))
                .hasMessageContaining("missing required option 'path'");
    }

    @Test
    void shouldNameTheConnectorAndConfigurationWhenTheFactoryThrows() {
        assertThatThrownBy(() -> catalog.createSource(Map.of("source", "numbers", "to", "13")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'numbers' could not be built from")
                .hasMessageContaining("to=13")
                .hasMessageContaining("unlucky");
    }

    /** {@code source = words}: a split source that declares String records. */
    static final class Words implements SourceFactory {
        @Override
        public String name() {
            return "words";
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return Set.of();
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return Set.of();
        }

        @Override
        public Source<?> create(Configuration configuration) {
            return new io.weir.spi.source.SplitSource<String, io.weir.spi.source.SourceSplit>() {
                @Override
                public io.weir.spi.source.Boundedness boundedness() {
                    return io.weir.spi.source.Boundedness.BOUNDED;
                }

                @Override
                public io.weir.spi.source.SplitEnumerator<io.weir.spi.source.SourceSplit> createEnumerator(
                        io.weir.spi.source.EnumeratorContext<io.weir.spi.source.SourceSplit> context) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public io.weir.spi.source.SplitEnumerator<io.weir.spi.source.SourceSplit> restoreEnumerator(
                        io.weir.spi.source.EnumeratorContext<io.weir.spi.source.SourceSplit> context,
                        List<io.weir.spi.source.SourceSplit> unassigned) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public io.weir.spi.source.SplitReader<String, io.weir.spi.source.SourceSplit> createReader(
                        io.weir.spi.source.ReaderContext context) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public io.weir.api.codec.Codec<io.weir.spi.source.SourceSplit> splitCodec() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Class<String> producedType() {
                    return String.class;
                }
            };
        }
    }

    @Test
    void shouldCheckTheRecordTypeThatASplitSourceDeclares() {
        ConnectorCatalog words = ConnectorCatalog.of(List.of(new Words()), List.of());
        Configuration config = Configuration.fromMap(Map.of("source", "words"));

        assertThat(words.createSource(config, CharSequence.class)).isNotNull();
        assertThatThrownBy(() -> words.createSource(config, Long.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'words' produces java.lang.String, not java.lang.Long");
    }

    @Test
    void shouldRefuseTwoFactoriesWithTheSameName() {
        assertThatThrownBy(() -> ConnectorCatalog.of(List.of(new Numbers(), new Numbers()), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two source factories are named 'numbers'");
    }

    @Test
    void shouldSayWhenNoConnectorIsAvailable() {
        assertThatThrownBy(() -> ConnectorCatalog.of(List.of(), List.of()).createSource(Map.of("source", "x")))
                .hasMessageContaining("no source is available");
    }
}
