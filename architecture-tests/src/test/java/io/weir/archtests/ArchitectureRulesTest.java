package io.weir.archtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks every rule of {@link WeirRules} against the main classes of api, spi and runtime-lockfree. */
class ArchitectureRulesTest {
    private final JavaClasses classes = ProductionClasses.get();

    @Test
    void shouldImportTheMainClassesOfApiSpiAndRuntimeButNoFixtures() {
        assertThat(classes.contain("io.weir.api.StreamEnvironment")).isTrue();
        assertThat(classes.contain("io.weir.spi.scheduler.Tasklet")).isTrue();
        assertThat(classes.contain("io.weir.runtime.element.StreamRecord")).isTrue();
        assertThat(classes.stream().map(c -> c.getPackageName())).noneMatch(p -> p.contains("archfixture"));
    }

    @Test
    void apiShouldDependOnlyOnItselfAndTheJdk() {
        check(WeirRules.API_DEPENDS_ONLY_ON_ITSELF_AND_THE_JDK);
    }

    @Test
    void extensionsShouldSeeOnlyTheApiAndTheSpi() {
        check(WeirRules.EXTENSIONS_SEE_ONLY_API_AND_SPI);
    }

    @Test
    void spiShouldDependOnlyOnTheApiAndTheJdk() {
        check(WeirRules.SPI_DEPENDS_ONLY_ON_API_AND_THE_JDK);
    }

    @Test
    void spiSignaturesShouldNotExposeRuntimeTypes() {
        check(WeirRules.SPI_SIGNATURES_DO_NOT_EXPOSE_THE_RUNTIME);
    }

    @Test
    void everyPublicApiAndSpiTypeShouldCarryExactlyOneStabilityAnnotation() {
        check(WeirRules.API_AND_SPI_TYPES_CARRY_ONE_STABILITY_ANNOTATION);
    }

    @Test
    void nothingShouldUseSynchronizedLocksOrBlockingQueues() {
        check(WeirRules.NO_LOCKS);
    }

    @Test
    void theTestKitShouldUseOnlyTheRuntimesFaultHook() {
        assertThat(classes.contain("io.weir.testkit.SourceTestSuite")).isTrue();
        check(WeirRules.TESTKIT_USES_ONLY_THE_RUNTIMES_FAULT_HOOK);
    }

    @Test
    void theExamplePluginShouldSeeOnlyTheApiAndTheSpi() {
        assertThat(classes.contain("io.weir.examples.sensors.SensorSource")).isTrue();
        check(WeirRules.EXAMPLE_PLUGIN_SEES_ONLY_API_AND_SPI);
    }

    private void check(ArchRule rule) {
        rule.check(classes);
    }
}
