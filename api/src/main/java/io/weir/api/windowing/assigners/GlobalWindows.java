package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.triggers.NeverTrigger;
import io.weir.api.windowing.triggers.Trigger;

import java.util.Collection;
import java.util.List;

/**
 * Puts every record of a key into the one {@link GlobalWindow}. Its default trigger never fires, so a
 * global window needs a custom trigger (for example {@code CountTrigger}); it is never cleaned up by time.
 */
@Evolving
public final class GlobalWindows implements WindowAssigner<Object, GlobalWindow> {
    private static final GlobalWindows INSTANCE = new GlobalWindows();
    private static final List<GlobalWindow> ONLY = List.of(GlobalWindow.get());

    private GlobalWindows() {
    }

    /** The global windows assigner. */
    public static GlobalWindows create() {
        return INSTANCE;
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, Context context) {
        return ONLY;
    }

    @Override
    public Trigger<Object, GlobalWindow> defaultTrigger() {
        return NeverTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public Codec<GlobalWindow> windowCodec() {
        return GlobalWindow.codec();
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }
}
