package io.weir.plugins;

import io.weir.api.codec.Codec;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;
import io.weir.api.connector.Source;
import io.weir.spi.plugin.ConnectorFactory;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.sink.WriterSink;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SourceSplit;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wrappers of a plugin's source and sink factories run every {@link ConnectorFactory} method and
 * {@code create} with the plugin's context class loader, restore the caller's afterwards, also when the
 * plugin throws, and wrap the created connectors only when asked to.
 */
class ContextualFactoriesTest {
    static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null, "where to");
    static final ConfigOption<Integer> BATCH = ConfigOption.of("batch", Integer.class, 10, "records per batch");

    private final ClassLoader plugin = new URLClassLoader("plugin:test", new URL[0], getClass().getClassLoader());
    private final ClassLoader caller = Thread.currentThread().getContextClassLoader();
    private final List<String> seen = new ArrayList<>();
    private boolean failing;
    private Object created;

    private <T> T record(String call, T result) {
        seen.add(call + (Thread.currentThread().getContextClassLoader() == plugin ? ":plugin" : ":other"));
        if (failing) {
            throw new IllegalStateException(call + " failed");
        }
        return result;
    }

    /** What both recording factories share, written once against the SPI's common parent. */
    private abstract class Recording implements ConnectorFactory {
        @Override
        public String name() {
            return record("name", "files");
        }

        @Override
        public String description() {
            return record("description", "writes files");
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return record("required", Set.of(PATH));
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return record("optional", Set.of(BATCH));
        }
    }

    private final class RecordingSources extends Recording implements SourceFactory {
        @Override
        public Source<?> create(Configuration configuration) {
            return (Source<?>) record("create", created);
        }
    }

    private final class RecordingSinks extends Recording implements SinkFactory {
        @Override
        public Sink<?> create(Configuration configuration) {
            return (Sink<?>) record("create", created);
        }
    }

    private ConnectorFactory wrapped(PluginKind kind) {
        return (ConnectorFactory) ContextualFactories.wrap(kind,
                kind == PluginKind.SOURCE ? new RecordingSources() : new RecordingSinks(), plugin);
    }

    private static Object create(ConnectorFactory factory, Configuration configuration) {
        return switch (factory) {
            case SourceFactory f -> f.create(configuration);
            case SinkFactory f -> f.create(configuration);
            default -> throw new AssertionError(factory);
        };
    }

    @Test
    void shouldRunEveryFactoryCallOfBothKindsUnderThePluginsLoader() {
        for (PluginKind kind : List.of(PluginKind.SOURCE, PluginKind.SINK)) {
            seen.clear();
            ConnectorFactory factory = wrapped(kind);

            assertThat(factory.name()).isEqualTo("files");
            assertThat(factory.description()).isEqualTo("writes files");
            assertThat(factory.requiredOptions()).containsExactly(PATH);
            assertThat(factory.optionalOptions()).containsExactly(BATCH);
            assertThat(factory.options()).containsExactlyInAnyOrder(PATH, BATCH);
            assertThat(create(factory, Configuration.fromMap(Map.of("path", "/out")))).isNull();

            assertThat(seen).as(kind.label()).containsExactly("name:plugin", "description:plugin", "required:plugin",
                    "optional:plugin", "required:plugin", "optional:plugin", "create:plugin");
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(caller);
        }
    }

    @Test
    void shouldRestoreTheCallersLoaderWhenAFactoryCallThrows() {
        failing = true;
        for (PluginKind kind : List.of(PluginKind.SOURCE, PluginKind.SINK)) {
            seen.clear();
            ConnectorFactory factory = wrapped(kind);
            Map<String, ThrowingSupplier<?>> calls = Map.of("name", factory::name, "description", factory::description,
                    "required", factory::requiredOptions, "optional", factory::optionalOptions,
                    "create", () -> create(factory, Configuration.fromMap(Map.of())));

            calls.forEach((call, code) -> {
                assertThatThrownBy(code::get).isInstanceOf(IllegalStateException.class).hasMessage(call + " failed");
                assertThat(Thread.currentThread().getContextClassLoader()).as(call).isSameAs(caller);
            });
            assertThat(seen).as(kind.label()).containsExactlyInAnyOrder("name:plugin", "description:plugin",
                    "required:plugin", "optional:plugin", "create:plugin");
        }
    }

    @Test
    void shouldWrapTheCreatedSinksOnlyWhenAskedTo() {
        WriterSink<String> sink = context -> null;
        created = sink;
        var sinks = (ContextualFactories.Sinks) wrapped(PluginKind.SINK);

        assertThat(sinks.create(Configuration.fromMap(Map.of()))).isSameAs(sink);
        assertThat(sinks.wrappingConnectors().create(Configuration.fromMap(Map.of())))
                .isInstanceOf(ContextualConnectors.ContextualWriterSink.class);
        assertThat(sinks.wrappingConnectors().wrappingConnectors()).isEqualTo(sinks.wrappingConnectors());
    }

    @Test
    void shouldWrapTheCreatedSourcesOnlyWhenAskedTo() {
        SplitSource<String, SourceSplit> source = new SplitSource<>() {
            @Override
            public Boundedness boundedness() {
                return Boundedness.BOUNDED;
            }

            @Override
            public SplitEnumerator<SourceSplit> createEnumerator(EnumeratorContext<SourceSplit> context) {
                return null;
            }

            @Override
            public SplitEnumerator<SourceSplit> restoreEnumerator(EnumeratorContext<SourceSplit> context,
                                                                 List<SourceSplit> unassignedSplits) {
                return null;
            }

            @Override
            public SplitReader<String, SourceSplit> createReader(ReaderContext context) {
                return null;
            }

            @Override
            public Codec<SourceSplit> splitCodec() {
                return null;
            }
        };
        created = source;
        var sources = (ContextualFactories.Sources) wrapped(PluginKind.SOURCE);

        assertThat(sources.create(Configuration.fromMap(Map.of()))).isSameAs(source);
        assertThat(sources.wrappingConnectors().create(Configuration.fromMap(Map.of())))
                .isInstanceOf(ContextualConnectors.ContextualSource.class);
    }
}
