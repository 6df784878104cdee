package io.weir.connectors.chronicle;

import io.weir.api.config.Configuration;
import io.weir.spi.plugin.PluginDescriptor;
import io.weir.spi.plugin.SinkFactory;
import io.weir.spi.plugin.SourceFactory;
import io.weir.spi.testing.TestWriterContext;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChronicleFactoriesTest {
    @TempDir
    Path dir;

    record Trade(String symbol, long price) {
    }

    private static Configuration config(Map<String, String> values) {
        return Configuration.fromMap(values);
    }

    @Test
    void shouldBeFoundByServiceLoaderUnderTheNameChronicle() {
        assertThat(ServiceLoader.load(SourceFactory.class).stream().map(p -> p.get().name()))
                .contains("chronicle");
        assertThat(ServiceLoader.load(SinkFactory.class).stream().map(p -> p.get().name()))
                .contains("chronicle");
    }

    @Test
    void shouldDescribeThePluginInItsDescriptor() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PluginDescriptor.RESOURCE)) {
            PluginDescriptor d = PluginDescriptor.read(in, "chronicle test");
            assertThat(d.name()).isEqualTo("chronicle");
            assertThat(d.version()).doesNotContain("${");
            assertThat(d.isCompatible()).isTrue();
        }
    }

    @Test
    void shouldBuildASourceFromConfiguration() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        var source = (ChronicleSource<?>) new ChronicleSourceFactory().validateAndCreate(config(Map.of(
                "source", "chronicle", "path", a + ", " + b, "bounded", "true", "read-committed", "false",
                "format", "codec", "record-class", Trade.class.getName())));

        assertThat(source.queues()).containsExactly(a, b);
        assertThat(source.readCommitted()).isFalse();
        assertThat(source.producedType()).isEqualTo(Trade.class);
        assertThat(source.toString()).contains("bounded", "read-uncommitted");
    }

    @Test
    void shouldBuildASinkFromConfiguration() {
        var sink = (ChronicleSink<?>) new ChronicleSinkFactory().validateAndCreate(config(Map.of(
                "sink", "chronicle", "path", dir.toString(), "sink-id", "orders", "delivery", "at-least-once",
                "sync", "false", "roll-cycle", "fast-hourly", "format", "bytes")));

        assertThat(sink.queue()).isEqualTo(dir);
        assertThat(sink.sinkId()).isEqualTo("orders");
        assertThat(sink.exactlyOnce()).isFalse();
        assertThat(sink.sync()).isFalse();
        assertThat(sink.rollCycle()).isEqualTo(RollCycles.FAST_HOURLY);
        assertThat(sink.format()).isEqualTo(RecordFormat.bytes());
    }

    @Test
    void shouldDefaultToTailingReadCommittedStringsAndExactlyOnce() {
        var source = (ChronicleSource<?>) new ChronicleSourceFactory().validateAndCreate(
                config(Map.of("path", dir.toString())));
        var sink = (ChronicleSink<?>) new ChronicleSinkFactory().validateAndCreate(
                config(Map.of("path", dir.toString())));

        assertThat(source.toString()).contains("tailing", "read-committed", "string");
        assertThat(sink.exactlyOnce()).isTrue();
        assertThat(sink.sinkId()).isEqualTo(ChronicleSink.DEFAULT_SINK_ID);
    }

    @Test
    void shouldRefuseUnknownKeysWrongTypesAndAMissingPathListingTheOptions() {
        assertThatThrownBy(() -> new ChronicleSourceFactory().validateAndCreate(config(Map.of(
                "bounded", "maybe", "tail", "true"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'chronicle'")
                .hasMessageContaining("unknown option 'tail'")
                .hasMessageContaining("missing required option 'path'")
                .hasMessageContaining("option 'bounded': 'maybe' is not a Boolean")
                .hasMessageContaining("read-committed (a Boolean, default true)");
        assertThatThrownBy(() -> new ChronicleSinkFactory().validateAndCreate(config(Map.of(
                "path", dir.toString(), "delivery", "twice", "roll-cycle", "yearly"))))
                .hasMessageContaining("sink 'chronicle'")
                .hasMessageContaining("option 'delivery': 'twice' is not one of [exactly-once, at-least-once]")
                .hasMessageContaining("option 'roll-cycle': 'yearly'");
    }

    @Test
    void shouldExplainFormatAndRecordClassMistakes() {
        SourceFactory f = new ChronicleSourceFactory();
        assertThatThrownBy(() -> f.validateAndCreate(config(Map.of("path", "q", "format", "codec"))))
                .hasMessageContaining("format = codec needs option 'record-class'");
        assertThatThrownBy(() -> f.validateAndCreate(config(Map.of("path", "q", "record-class", "x.Y"))))
                .hasMessageContaining("'record-class' applies only to format = codec");
        assertThatThrownBy(() -> f.validateAndCreate(config(Map.of("path", "q", "format", "codec",
                "record-class", "com.example.Missing"))))
                .hasMessageContaining("option 'record-class': class 'com.example.Missing' cannot be loaded");
        assertThatThrownBy(() -> f.validateAndCreate(config(Map.of("path", "q", "format", "codec",
                "record-class", Object.class.getName()))))
                .hasMessageContaining("option 'record-class'")
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> f.validateAndCreate(config(Map.of("path", "a,,b"))))
                .hasMessageContaining("option 'path': empty path");
        assertThatThrownBy(() -> new ChronicleSinkFactory().validateAndCreate(config(Map.of("path", "q",
                "sink-id", " "))))
                .hasMessageContaining("option 'sink-id' must not be blank");
    }

    @Test
    void shouldWriteWithTheConfiguredSinkAndReadWithTheConfiguredSource() throws Exception {
        @SuppressWarnings("unchecked")
        var sink = (ChronicleSink<Trade>) new ChronicleSinkFactory().validateAndCreate(config(Map.of(
                "path", dir.toString(), "format", "codec", "record-class", Trade.class.getName())));
        try (var w = sink.createWriter(TestWriterContext.fresh(0, 1));
             var c = sink.createCommitter(TestWriterContext.fresh(0, 1))) {
            w.write(new Trade("X", 10), 5);
            c.commit(w.prepareCommit(1));
        }
        @SuppressWarnings("unchecked")
        var source = (ChronicleSource<Trade>) new ChronicleSourceFactory().validateAndCreate(config(Map.of(
                "path", dir.toString(), "bounded", "true", "format", "codec", "record-class", Trade.class.getName())));

        assertThat(Drive.readAll(source, 1).getFirst().records()).isEqualTo(List.of(new Trade("X", 10)));
    }
}
