package io.weir.connectors.files;

import io.weir.api.config.Configuration;
import io.weir.spi.plugin.ConnectorCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkFactoryTest {
    @TempDir
    Path dir;

    private FileSink<?> create(Map<String, String> options) {
        return (FileSink<?>) new FileSinkFactory().validateAndCreate(Configuration.fromMap(options));
    }

    @Test
    void shouldBuildAnExactlyOnceSinkByDefault() {
        FileSink<?> sink = create(Map.of("path", dir.toString()));
        assertThat(sink.directory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(sink.exactlyOnce()).isTrue();
        assertThat(sink.rollingSize()).isEqualTo(FileSink.DEFAULT_ROLLING_SIZE);
    }

    @Test
    void shouldTakeTheRollingSizeWithAUnitAndTheGuarantee() {
        FileSink<?> sink = create(Map.of("path", dir.toString(), "rolling-size", "64kb", "guarantee", "at-least-once"));
        assertThat(sink.rollingSize()).isEqualTo(64 << 10);
        assertThat(sink.exactlyOnce()).isFalse();
    }

    @Test
    void shouldRefuseABadSizeAnUnknownKeyAndAMissingPathNamingThem() {
        assertThatThrownBy(() -> create(Map.of("path", dir.toString(), "rolling-size", "lots")))
                .hasMessageContaining("rolling-size").hasMessageContaining("'lots' is not a size");
        assertThatThrownBy(() -> create(Map.of("path", dir.toString(), "rolling", "1mb")))
                .hasMessageContaining("unknown option 'rolling'").hasMessageContaining("rolling-size");
        assertThatThrownBy(() -> create(Map.of("rolling-size", "1mb"))).hasMessageContaining("path");
    }

    @Test
    void shouldBeFoundByNameOnTheClassPath() {
        ConnectorCatalog catalog = ConnectorCatalog.fromClassPath(getClass().getClassLoader());
        assertThat(catalog.sinkNames()).contains("files");
        assertThat(catalog.createSink(Map.of("sink", "files", "path", dir.toString()))).isInstanceOf(FileSink.class);
    }
}
