package io.weir.examples.sensors;

import io.weir.spi.sink.WriterSink;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SinkGuarantee;
import io.weir.testkit.SinkTestSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The connector test kit against the CSV sink, which claims at-least-once. */
class SensorCsvSinkKitTest extends SinkTestSuite<SensorReading> {
    private static Path output(ConnectorTestContext context) {
        return context.directory().resolve("csv");
    }

    @Override
    protected WriterSink<SensorReading> createSink(ConnectorTestContext context) {
        return new SensorCsvSink(output(context));
    }

    @Override
    protected List<SensorReading> records(ConnectorTestContext context) {
        SensorSource source = new SensorSource(3, 700, context.seed(), 0, 1_000);
        List<SensorReading> all = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (long i = 0; i < 700; i++) {
                all.add(source.reading(s, i));
            }
        }
        return all;
    }

    @Override
    protected List<SensorReading> readCommitted(ConnectorTestContext context) throws IOException {
        List<SensorReading> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(output(context))) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split(",");
                    rows.add(new SensorReading(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3])));
                }
            }
        }
        return rows;
    }

    @Override
    protected SinkGuarantee guarantee() {
        return SinkGuarantee.AT_LEAST_ONCE;
    }
}
