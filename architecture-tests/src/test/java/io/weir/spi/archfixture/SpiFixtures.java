package io.weir.spi.archfixture;

import io.weir.api.annotation.Evolving;
import io.weir.runtime.archfixture.RuntimeFixtures.RuntimeBase;
import io.weir.runtime.archfixture.RuntimeFixtures.RuntimeThing;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.function.Supplier;

/** Fixtures for the SPI rules: one way of leaking a runtime type per nested class. */
@Evolving
public final class SpiFixtures {
    private SpiFixtures() {
    }

    /** Keeps rules (b) and (c). */
    public interface Clean {
        List<String> names();
    }

    /** Breaks rule (b): a third-party type. */
    public interface UsesThirdParty {
        void run(Executable action);
    }

    /** Keeps rule (c) (the runtime type is private) but breaks rule (b). */
    public static final class UsesRuntimePrivately {
        private RuntimeThing thing;

        @Override
        public String toString() {
            return String.valueOf(thing);
        }
    }

    /** Breaks rule (c): return type. */
    public interface LeaksByReturnType {
        RuntimeThing create();
    }

    /** Breaks rule (c): parameter type. */
    public interface LeaksByParameter {
        void accept(RuntimeThing thing);
    }

    /** Breaks rule (c): generic type argument. */
    public interface LeaksByTypeArgument {
        List<RuntimeThing> all();
    }

    /** Breaks rule (c): array of a runtime type inside a type argument of a parameter. */
    public interface LeaksByArrayInTypeArgument {
        void accept(Supplier<RuntimeThing[]> things);
    }

    /** Breaks rule (c): public field. */
    public static final class LeaksByField {
        public RuntimeThing thing;
    }

    /** Breaks rule (c): constructor parameter. */
    public static final class LeaksByConstructor {
        public LeaksByConstructor(RuntimeThing thing) {
        }
    }

    /** Breaks rule (c): superclass. */
    public static class LeaksBySuperclass extends RuntimeBase {
    }

    /** Breaks rule (c): type argument of an implemented interface. */
    public abstract static class LeaksByInterface implements Supplier<RuntimeThing> {
    }
}
