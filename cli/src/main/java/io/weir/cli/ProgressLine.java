package io.weir.cli;

import io.weir.perf.nexmark.Tick;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of {@code weir bench}: events so far, the last second's rate and the elapsed time, rewritten in
 * place on a terminal ({@code \r}), one line per update otherwise.
 */
final class ProgressLine {
    private final PrintStream err;
    private final boolean terminal;
    private boolean open;

    ProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Shows {@code tick}. */
    void update(Tick tick) {
        String line = format(tick);
        if (terminal) {
            err.print("\r" + line + "   ");
            open = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the line (call once the run is over). */
    void end() {
        if (open) {
            err.println();
            open = false;
        }
    }

    static String format(Tick tick) {
        return String.format(Locale.ROOT, "%s%,d / %,d events (%.0f%%), %,d events/s, %,d results, %.1f s elapsed",
                tick.warmup() ? "warm-up: " : "", tick.emitted(), tick.events(), 100.0 * tick.emitted() / tick.events(),
                tick.lastSecond(), tick.sunk(), tick.elapsedNanos() / 1e9);
    }
}
