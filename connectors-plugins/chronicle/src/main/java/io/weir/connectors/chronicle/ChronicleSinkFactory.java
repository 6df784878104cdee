package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import io.weir.api.connector.Sink;
import io.weir.spi.plugin.SinkFactory;

import java.util.Set;

import static io.weir.connectors.chronicle.ChronicleOptions.DELIVERY;
import static io.weir.connectors.chronicle.ChronicleOptions.FORMAT;
import static io.weir.connectors.chronicle.ChronicleOptions.PATH;
import static io.weir.connectors.chronicle.ChronicleOptions.RECORD_CLASS;
import static io.weir.connectors.chronicle.ChronicleOptions.ROLL_CYCLE;
import static io.weir.connectors.chronicle.ChronicleOptions.SINK_ID;
import static io.weir.connectors.chronicle.ChronicleOptions.SYNC;

/**
 * {@code sink = chronicle}: a {@link ChronicleSink} from configuration, for example
 * {@code sink = chronicle, path = /data/out, sink-id = orders-job, delivery = exactly-once}.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
@Evolving
public final class ChronicleSinkFactory implements SinkFactory {
    private static final String CONNECTOR = "sink 'chronicle'";

    @Override
    public String name() {
        return "chronicle";
    }

    @Override
    public String description() {
        return "Chronicle Queue: exactly-once (transactions with commit markers) or at-least-once";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PATH);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FORMAT, RECORD_CLASS, SINK_ID, DELIVERY, SYNC, ROLL_CYCLE);
    }

    @Override
    public Sink<?> create(Configuration configuration) {
        return build(ChronicleOptions.format(configuration, CONNECTOR), configuration);
    }

    private static <T> ChronicleSink<T> build(RecordFormat<T> format, Configuration configuration) {
        ChronicleSink.Builder<T> builder = ChronicleSink.builder(
                ChronicleOptions.paths(configuration, CONNECTOR, false).getFirst(), format);
        try {
            builder.sinkId(configuration.get(SINK_ID));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CONNECTOR + ": option '" + SINK_ID.key() + "' must not be blank", e);
        }
        if (configuration.get(DELIVERY) == ChronicleOptions.Delivery.AT_LEAST_ONCE) {
            builder.atLeastOnce();
        }
        return builder.sync(configuration.get(SYNC)).rollCycle(configuration.get(ROLL_CYCLE)).build();
    }
}
