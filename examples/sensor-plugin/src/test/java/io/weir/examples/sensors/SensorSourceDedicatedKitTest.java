package io.weir.examples.sensors;

import io.weir.api.StreamEnvironment;
import io.weir.api.config.ExchangeMode;
import io.weir.api.config.ExecutionOptions;

/** The same suite on the dedicated scheduler with serialized exchange: the kit's {@code configure} hook. */
class SensorSourceDedicatedKitTest extends SensorSourceKitTest {
    @Override
    protected void configure(StreamEnvironment env) {
        env.configure(ExecutionOptions.SCHEDULER, "dedicated").configure(ExecutionOptions.EXCHANGE_MODE, ExchangeMode.SERIALIZED);
    }
}
