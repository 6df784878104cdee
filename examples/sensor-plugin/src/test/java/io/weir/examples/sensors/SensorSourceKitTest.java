package io.weir.examples.sensors;

import io.weir.api.config.Configuration;
import io.weir.spi.source.SplitSource;
import io.weir.testkit.ConnectorTestContext;
import io.weir.testkit.SourceTestSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The connector test kit against the sensor source, built from configuration as a user would. */
class SensorSourceKitTest extends SourceTestSuite<SensorReading> {
    private static final Map<String, String> CONFIG = Map.of("source", "sensors", "sensors", "6", "readings", "500",
            "seed", "7");

    @Override
    @SuppressWarnings("unchecked")
    protected SplitSource<SensorReading, ?> createSource(ConnectorTestContext context) {
        return (SplitSource<SensorReading, ?>) new SensorSourceFactory().validateAndCreate(Configuration.fromMap(CONFIG));
    }

    @Override
    protected List<SensorReading> expectedRecords(ConnectorTestContext context) {
        SensorSource source = (SensorSource) createSource(context);
        List<SensorReading> all = new ArrayList<>();
        for (int s = 0; s < source.sensors(); s++) {
            for (long i = 0; i < source.readings(); i++) {
                all.add(source.reading(s, i));
            }
        }
        return all;
    }
}
