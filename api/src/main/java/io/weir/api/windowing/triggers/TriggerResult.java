package io.weir.api.windowing.triggers;

import io.weir.api.annotation.Evolving;

/**
 * What a window does after a trigger call: fire (evaluate the window function on the current contents)
 * and/or purge (drop the contents; the window itself, its trigger state and timers stay until cleanup).
 */
@Evolving
public enum TriggerResult {
    /** Nothing happens. */
    CONTINUE(false, false),
    /** Evaluate the window and then drop its contents. */
    FIRE_AND_PURGE(true, true),
    /** Evaluate the window; the contents stay (a later fire sees them again). */
    FIRE(true, false),
    /** Drop the contents without evaluating. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    /** {@code true} for {@link #FIRE} and {@link #FIRE_AND_PURGE}. */
    public boolean isFire() {
        return fire;
    }

    /** {@code true} for {@link #PURGE} and {@link #FIRE_AND_PURGE}. */
    public boolean isPurge() {
        return purge;
    }
}
