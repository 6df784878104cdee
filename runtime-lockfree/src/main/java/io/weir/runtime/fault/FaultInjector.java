package io.weir.runtime.fault;

import io.weir.api.config.ConfigOption;

/**
 * A test hook: the runtime calls {@link #at} at each {@link FaultPoint}; the injector throws (a simulated
 * failure, which the job recovers from like any other), halts the JVM, or returns. Set it with
 * {@code env.configure(FaultInjector.OPTION, injector)}; when unset the runtime skips every call (a
 * {@code null} check on a final field), so it costs nothing.
 *
 * <h2>Thread safety</h2>
 * Called from many task threads concurrently; implementations must be thread-safe.
 */
@FunctionalInterface
public interface FaultInjector {

    /** The configuration option that carries the injector (no default). */
    ConfigOption<FaultInjector> OPTION = ConfigOption.of("test.fault-injector", FaultInjector.class, null,
            "failure injection for tests: called at named points of the runtime");

    /**
     * Called at {@code point} in tasklet {@code task} (subtask {@code subtask}); {@code detail} is the
     * checkpoint id for checkpoint points and the record count for USER_FUNCTION / SOURCE_READ.
     */
    void at(FaultPoint point, String task, int subtask, long detail);

    /** The failure an injector throws. */
    final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InjectedFailure(String message) {
            super(message);
        }
    }
}
