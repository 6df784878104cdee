package io.weir.connectors.archfixture;

/** Breaks rule (f) on purpose: a connector class that reaches into the runtime. */
public final class ConnectorUsingRuntime {
    public Object channels() {
        return io.weir.runtime.exchange.Channels.class;
    }
}
