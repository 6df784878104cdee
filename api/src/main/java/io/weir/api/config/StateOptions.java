package io.weir.api.config;

import io.weir.api.annotation.Stable;

/** The options of keyed state. Set them on {@code StreamEnvironment.configure(...)}. */
@Stable
public final class StateOptions {
    private StateOptions() {
    }

    public static final ConfigOption<String> STATE_BACKEND = ConfigOption.of("state.backend", String.class, "heap",
            "name of the state backend that keeps keyed state and timers (built in: heap)");
}
