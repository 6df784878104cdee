package io.weir.examples.sensors.archfixture;

/** Breaks the example-plugin rule on purpose: plugin code that reaches into the runtime. */
public final class PluginUsingRuntime {
    public Object channels() {
        return io.weir.runtime.exchange.Channels.class;
    }
}
