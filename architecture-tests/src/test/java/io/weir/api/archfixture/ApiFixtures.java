package io.weir.api.archfixture;

import io.weir.api.annotation.Evolving;
import io.weir.api.annotation.Stable;
import io.weir.spi.archfixture.SpiFixtures;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

/** Fixtures for the API rules; {@code ApiFixtures} itself is correctly marked. */
@Stable
public final class ApiFixtures {
    private ApiFixtures() {
    }

    /** Breaks rule (a): the API uses an SPI type. */
    @Stable
    public static final class UsesSpi {
        public SpiFixtures.Clean spi() {
            return null;
        }
    }

    /** Breaks rule (a): the API uses a third-party library. */
    @Stable
    public static final class UsesThirdParty {
        public Executable action;
    }

    /** Keeps rule (a): JDK types only, arrays and primitives included. */
    @Stable
    public static final class UsesJdkOnly {
        public List<String> names(int[] ids, String[] labels) {
            return List.of(labels);
        }
    }

    /** Not top-level, so rule (d) does not ask for an annotation. */
    public static final class NestedUnmarked {
    }

    /** Rule (d) would reject this if it were top-level; see {@link Unmarked} and {@link TwiceMarked}. */
    @Stable
    @Evolving
    public static final class NestedTwiceMarked {
    }
}
