package io.weir.api.windowing;

import io.weir.api.annotation.Evolving;

/**
 * A group of records of one key that a window function sees together. Windows are values: two windows
 * are the same window when they are {@code equals}, and a subclass must implement {@code equals} and
 * {@code hashCode} accordingly (window state and timers are addressed by the window).
 */
@Evolving
public abstract class Window {

    /**
     * The largest timestamp that still belongs to this window. An event-time window fires when the
     * watermark reaches it, and results emitted for the window carry it as their timestamp.
     */
    public abstract long maxTimestamp();
}
