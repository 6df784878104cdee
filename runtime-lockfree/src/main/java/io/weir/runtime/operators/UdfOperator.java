package io.weir.runtime.operators;

import io.weir.api.functions.RichFunction;

/** An operator around one user function: calls its {@code open}/{@code close} when it is a {@link RichFunction}. */
public abstract class UdfOperator<F> extends StreamOperator {
    protected final F function;

    protected UdfOperator(F function) {
        this.function = function;
    }

    @Override
    protected void doOpen() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.open(context);
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
