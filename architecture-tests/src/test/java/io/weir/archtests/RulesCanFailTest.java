package io.weir.archtests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.weir.api.archfixture.ApiFixtures;
import io.weir.api.archfixture.TwiceMarked;
import io.weir.api.archfixture.Unmarked;
import io.weir.runtime.archfixture.RuntimeFixtures;
import io.weir.spi.archfixture.SpiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows that each rule of {@link WeirRules} can fail: the same rule object, applied to fixture classes
 * (test classes posing as api, spi and runtime types) that break it, reports a violation naming the
 * offence, and stays quiet on fixtures that keep it.
 */
class RulesCanFailTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importPackages("io.weir.api.archfixture", "io.weir.spi.archfixture", "io.weir.runtime.archfixture",
                    "io.weir.connectors.archfixture", "io.weir.testkit.archfixture", "io.weir.examples.sensors.archfixture");

    @Test
    void apiRuleShouldRejectADependencyOnTheSpi() {
        assertViolation(WeirRules.API_DEPENDS_ONLY_ON_ITSELF_AND_THE_JDK, ApiFixtures.UsesSpi.class, "SpiFixtures$Clean");
    }

    @Test
    void apiRuleShouldRejectAThirdPartyLibrary() {
        assertViolation(WeirRules.API_DEPENDS_ONLY_ON_ITSELF_AND_THE_JDK, ApiFixtures.UsesThirdParty.class, "org.junit");
    }

    @Test
    void apiRuleShouldAcceptJdkTypesArraysAndPrimitives() {
        assertNoViolation(WeirRules.API_DEPENDS_ONLY_ON_ITSELF_AND_THE_JDK, ApiFixtures.UsesJdkOnly.class);
    }

    @Test
    void spiRuleShouldRejectAThirdPartyLibrary() {
        assertViolation(WeirRules.SPI_DEPENDS_ONLY_ON_API_AND_THE_JDK, SpiFixtures.UsesThirdParty.class, "org.junit");
    }

    @Test
    void spiRuleShouldRejectAnyUseOfTheRuntimeEvenPrivate() {
        assertViolation(WeirRules.SPI_DEPENDS_ONLY_ON_API_AND_THE_JDK, SpiFixtures.UsesRuntimePrivately.class, "RuntimeThing");
    }

    @Test
    void spiRuleShouldAcceptApiAndJdkTypes() {
        assertNoViolation(WeirRules.SPI_DEPENDS_ONLY_ON_API_AND_THE_JDK, SpiFixtures.Clean.class);
    }

    @ParameterizedTest
    @ValueSource(classes = {SpiFixtures.LeaksByReturnType.class, SpiFixtures.LeaksByParameter.class,
        SpiFixtures.LeaksByTypeArgument.class, SpiFixtures.LeaksByArrayInTypeArgument.class,
        SpiFixtures.LeaksByField.class, SpiFixtures.LeaksByConstructor.class, SpiFixtures.LeaksBySuperclass.class,
        SpiFixtures.LeaksByInterface.class})
    void signatureRuleShouldRejectARuntimeTypeInAVisibleSignature(Class<?> leaky) {
        assertViolation(WeirRules.SPI_SIGNATURES_DO_NOT_EXPOSE_THE_RUNTIME, leaky, "io.weir.runtime.archfixture");
    }

    @Test
    void signatureRuleShouldIgnorePrivateUse() {
        assertNoViolation(WeirRules.SPI_SIGNATURES_DO_NOT_EXPOSE_THE_RUNTIME, SpiFixtures.UsesRuntimePrivately.class);
    }

    @Test
    void stabilityRuleShouldRejectATypeWithoutAnnotationEvenInAnAnnotatedPackage() {
        assertViolation(WeirRules.API_AND_SPI_TYPES_CARRY_ONE_STABILITY_ANNOTATION, Unmarked.class,
                "no stability annotation");
    }

    @Test
    void stabilityRuleShouldRejectTwoAnnotations() {
        assertViolation(WeirRules.API_AND_SPI_TYPES_CARRY_ONE_STABILITY_ANNOTATION, TwiceMarked.class,
                "@Experimental and @Internal");
    }

    @Test
    void stabilityRuleShouldCheckOnlyPublicTopLevelTypes() throws ClassNotFoundException {
        assertNoViolation(WeirRules.API_AND_SPI_TYPES_CARRY_ONE_STABILITY_ANNOTATION, ApiFixtures.class,
                ApiFixtures.NestedUnmarked.class, ApiFixtures.NestedTwiceMarked.class,
                Class.forName("io.weir.api.archfixture.PackagePrivateUnmarked"));
    }

    @Test
    void lockRuleShouldRejectASynchronizedMethod() {
        assertViolation(WeirRules.NO_LOCKS, RuntimeFixtures.SynchronizedMethod.class, "increment() is synchronized");
    }

    @Test
    void lockRuleShouldRejectASynchronizedBlock() {
        assertViolation(WeirRules.NO_LOCKS, RuntimeFixtures.SynchronizedBlock.class, "synchronized block in");
    }

    @Test
    void lockRuleShouldRejectASynchronizedBlockInALambda() {
        assertViolation(WeirRules.NO_LOCKS, RuntimeFixtures.SynchronizedInLambda.class, "synchronized block in");
    }

    @Test
    void lockRuleShouldRejectLocks() {
        assertViolation(WeirRules.NO_LOCKS, RuntimeFixtures.UsesReentrantLock.class, "ReentrantLock");
        assertViolation(WeirRules.NO_LOCKS, RuntimeFixtures.UsesStampedLock.class, "StampedLock");
    }

    @Test
    void lockRuleShouldRejectABlockingQueue() {
        assertViolation(WeirRules.NO_LOCKS, RuntimeFixtures.UsesBlockingQueue.class, "BlockingQueue");
    }

    @Test
    void lockRuleShouldAcceptParkingAndNonBlockingQueues() {
        assertNoViolation(WeirRules.NO_LOCKS, RuntimeFixtures.ParksAndUsesConcurrentQueue.class);
    }

    @Test
    void extensionRuleShouldRejectAConnectorUsingTheRuntime() {
        assertViolation(WeirRules.EXTENSIONS_SEE_ONLY_API_AND_SPI,
                io.weir.connectors.archfixture.ConnectorUsingRuntime.class, "io.weir.runtime.exchange.Channels");
    }

    @Test
    void testkitRuleShouldRejectRuntimeTypesButTheFaultHook() {
        assertViolation(WeirRules.TESTKIT_USES_ONLY_THE_RUNTIMES_FAULT_HOOK,
                io.weir.testkit.archfixture.KitFixtures.UsesChannels.class, "io.weir.runtime.exchange.Channels");
        assertNoViolation(WeirRules.TESTKIT_USES_ONLY_THE_RUNTIMES_FAULT_HOOK,
                io.weir.testkit.archfixture.KitFixtures.UsesFaultHook.class);
    }

    @Test
    void examplePluginRuleShouldRejectTheRuntime() {
        assertViolation(WeirRules.EXAMPLE_PLUGIN_SEES_ONLY_API_AND_SPI,
                io.weir.examples.sensors.archfixture.PluginUsingRuntime.class, "io.weir.runtime.exchange.Channels");
    }

    private static void assertViolation(ArchRule rule, Class<?> fixture, String expectedDetail) {
        EvaluationResult result = rule.evaluate(importOnly(fixture));

        assertThat(result.hasViolation()).as("%s should fail on %s", rule.getDescription(), fixture.getName()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(detail -> detail.contains(expectedDetail));
    }

    private static void assertNoViolation(ArchRule rule, Class<?>... fixtures) {
        EvaluationResult result = rule.evaluate(importOnly(fixtures));

        assertThat(result.getFailureReport().getDetails()).isEmpty();
    }

    /** Exactly the given fixtures, out of the fixture packages imported once. */
    private static JavaClasses importOnly(Class<?>... fixtures) {
        Set<String> names = Arrays.stream(fixtures).map(Class::getName).collect(Collectors.toSet());
        JavaClasses selected = FIXTURES.that(DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName())));
        assertThat(selected).hasSize(fixtures.length);
        return selected;
    }
}
