package io.weir.runtime.scheduler;

import io.weir.api.config.Configuration;
import io.weir.spi.scheduler.SchedulerFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerFactoryServiceLoaderTest {

    @Test
    void shouldFindTheBuiltInSchedulersThroughServiceLoader() {
        List<SchedulerFactory> factories = ServiceLoader.load(SchedulerFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();

        assertThat(factories).extracting(SchedulerFactory::name).contains("dedicated", "cooperative");
        assertThat(factories).allSatisfy(factory -> {
            assertThat(factory.description()).isNotBlank();
            assertThat(factory.create(new TestSchedulerContext(new Configuration(), 1))).isNotNull();
        });
    }
}
