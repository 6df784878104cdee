package io.weir.api.time;

import io.weir.api.annotation.Stable;

/** {@link System#currentTimeMillis()} as a {@link Clock}. */
@Stable
public enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
