package io.weir.testkit.archfixture;

/** Fixtures of the test-kit rule: one class keeps it (the fault hook only), one breaks it (another runtime package). */
public final class KitFixtures {
    private KitFixtures() {
    }

    /** Keeps the rule: the runtime's fault-injection hook is the one runtime type the kit may use. */
    public static final class UsesFaultHook {
        public Object hook() {
            return io.weir.runtime.fault.FaultInjector.class;
        }
    }

    /** Breaks the rule: reaches into the runtime's exchange. */
    public static final class UsesChannels {
        public Object channels() {
            return io.weir.runtime.exchange.Channels.class;
        }
    }
}
