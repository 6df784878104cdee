package io.weir.archtests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.weir.api.annotation.Evolving;
import io.weir.api.annotation.Experimental;
import io.weir.api.annotation.Internal;
import io.weir.api.annotation.Stable;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The architecture rules of Weir, strict (no frozen baseline). Each rule is a constant so that the
 * same object is checked against the real classes ({@link ArchitectureRulesTest}) and shown to fail
 * on fixtures that break it ({@link RulesCanFailTest}).
 */
final class WeirRules {
    private WeirRules() {
    }

    /** The four stability annotations; every public top-level API and SPI type carries exactly one. */
    static final List<Class<? extends Annotation>> STABILITY_ANNOTATIONS =
            List.of(Stable.class, Evolving.class, Experimental.class, Internal.class);

    /**
     * Classes allowed to use {@code synchronized}, locks or blocking queues, each with the reason
     * beside it. Empty: the runtime is lock-free.
     */
    static final Set<String> LOCK_ALLOWED_CLASSES = Set.of();

    /** (a) The API is what a job author touches: it stands on the JDK alone. */
    static final ArchRule API_DEPENDS_ONLY_ON_ITSELF_AND_THE_JDK = classes()
            .that().resideInAPackage("io.weir.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.weir.api..", "java..")
            .as("io.weir.api depends on no other io.weir package and on no library outside java..");

    /**
     * (f) Extensions (connectors, state backends) and the plugin loader see Weir only through the API and the
     * SPI, so that they stay plugins: never the runtime, the command line or the examples.
     */
    static final ArchRule EXTENSIONS_SEE_ONLY_API_AND_SPI = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that().resideInAnyPackage("io.weir.connectors..", "io.weir.state..", "io.weir.plugins..")
            .should().dependOnClassesThat().resideInAnyPackage("io.weir.runtime..", "io.weir.cli..", "io.weir.examples..")
            .as("connectors, state backends and the plugin loader depend on io.weir.api and io.weir.spi only");

    /** (b) The SPI builds on the API and nothing else. */
    static final ArchRule SPI_DEPENDS_ONLY_ON_API_AND_THE_JDK = classes()
            .that().resideInAPackage("io.weir.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.weir.spi..", "io.weir.api..", "java..")
            .as("io.weir.spi depends only on io.weir.api and java..");

    /** (c) An SPI never shows a runtime type to an extension author (unlike Flink's StateBackend). */
    static final ArchRule SPI_SIGNATURES_DO_NOT_EXPOSE_THE_RUNTIME = classes()
            .that().resideInAPackage("io.weir.spi..")
            .should(notExposeTypesFrom("io.weir.runtime"))
            .as("no public or protected signature of an io.weir.spi type uses a type from io.weir.runtime..");

    /** (d) Each public top-level API and SPI type says how stable it is; a package annotation does not count. */
    static final ArchRule API_AND_SPI_TYPES_CARRY_ONE_STABILITY_ANNOTATION = classes()
            .that().resideInAnyPackage("io.weir.api..", "io.weir.spi..")
            .and().arePublic()
            .and().areTopLevelClasses()
            .and().doNotHaveSimpleName("package-info")
            .should(haveExactlyOne(STABILITY_ANNOTATIONS))
            .as("every public top-level type in io.weir.api.. and io.weir.spi.. carries exactly one of "
                    + "@Stable, @Evolving, @Experimental, @Internal");

    /** (e) No locks: no synchronized method or block, no java.util.concurrent.locks lock, no BlockingQueue. */
    static final ArchRule NO_LOCKS = classes()
            .that().resideInAPackage("io.weir..")
            .and(not(nameIn(LOCK_ALLOWED_CLASSES)))
            .should(notUseLocks())
            .as("no class in io.weir uses synchronized, java.util.concurrent.locks (LockSupport aside) or a BlockingQueue");

    /**
     * (g) The connector test kit runs jobs on the runtime, but uses only its fault-injection hook directly, so
     * that the kit keeps working however the runtime's internals change.
     */
    static final ArchRule TESTKIT_USES_ONLY_THE_RUNTIMES_FAULT_HOOK = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noClasses().that().resideInAPackage("io.weir.testkit..")
            .should().dependOnClassesThat(DescribedPredicate.describe("are in io.weir.runtime.. but not io.weir.runtime.fault",
                    (JavaClass c) -> c.getPackageName().startsWith("io.weir.runtime")
                            && !c.getPackageName().equals("io.weir.runtime.fault")))
            .as("the connector test kit uses no runtime type but io.weir.runtime.fault's");

    /** (h) The example plugin of the connector guide is what it teaches: plugin code sees only the API and the SPI. */
    static final ArchRule EXAMPLE_PLUGIN_SEES_ONLY_API_AND_SPI = classes()
            .that().resideInAPackage("io.weir.examples.sensors..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.weir.examples.sensors..", "io.weir.api..",
                    "io.weir.spi..", "java..")
            .as("the example plugin (io.weir.examples.sensors) depends only on io.weir.api, io.weir.spi and java..");

    /** Every rule, for the test that runs them all against the real classes. */
    static final List<ArchRule> ALL = List.of(API_DEPENDS_ONLY_ON_ITSELF_AND_THE_JDK, SPI_DEPENDS_ONLY_ON_API_AND_THE_JDK,
            SPI_SIGNATURES_DO_NOT_EXPOSE_THE_RUNTIME, API_AND_SPI_TYPES_CARRY_ONE_STABILITY_ANNOTATION, NO_LOCKS,
            TESTKIT_USES_ONLY_THE_RUNTIMES_FAULT_HOOK, EXAMPLE_PLUGIN_SEES_ONLY_API_AND_SPI);

    private static DescribedPredicate<JavaClass> nameIn(Set<String> names) {
        return DescribedPredicate.describe("named one of " + names, c -> names.contains(c.getName()));
    }

    static ArchCondition<JavaClass> notExposeTypesFrom(String packagePrefix) {
        return new ArchCondition<>("not expose types from " + packagePrefix + "..") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getSuperclass().ifPresent(s -> report(type, "extends", s.getAllInvolvedRawTypes(), events));
                for (JavaType i : type.getInterfaces()) {
                    report(type, "implements", i.getAllInvolvedRawTypes(), events);
                }
                for (JavaType p : type.getTypeParameters()) {
                    report(type, "type parameter " + p.getName(), p.getAllInvolvedRawTypes(), events);
                }
                for (JavaMember member : type.getMembers()) {
                    if (isVisible(member)) {
                        Set<JavaClass> involved = switch (member) {
                            case JavaCodeUnit unit -> unit.getAllInvolvedRawTypes();
                            case JavaField field -> field.getAllInvolvedRawTypes();
                            default -> Set.of();
                        };
                        report(type, member.getFullName(), involved, events);
                    }
                }
            }

            private void report(JavaClass type, String where, Collection<JavaClass> involved, ConditionEvents events) {
                Set<String> leaked = new TreeSet<>();
                for (JavaClass c : involved) {
                    JavaClass base = c.getBaseComponentType();
                    if (base.getPackageName().equals(packagePrefix) || base.getPackageName().startsWith(packagePrefix + ".")) {
                        leaked.add(base.getName());
                    }
                }
                if (!leaked.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(type,
                            type.getName() + ": " + where + " exposes " + String.join(", ", leaked)));
                }
            }

            private boolean isVisible(JavaMember member) {
                Set<JavaModifier> m = member.getModifiers();
                return (m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED))
                        && !m.contains(JavaModifier.SYNTHETIC) && !m.contains(JavaModifier.BRIDGE);
            }
        };
    }

    static ArchCondition<JavaClass> haveExactlyOne(List<Class<? extends Annotation>> annotations) {
        return new ArchCondition<>("carry exactly one stability annotation") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> present = annotations.stream()
                        .filter(type::isAnnotatedWith)
                        .map(a -> "@" + a.getSimpleName())
                        .toList();
                if (present.size() != 1) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " carries "
                            + (present.isEmpty() ? "no stability annotation" : String.join(" and ", present))
                            + "; it needs exactly one of @Stable, @Evolving, @Experimental, @Internal"));
                }
            }
        };
    }

    static ArchCondition<JavaClass> notUseLocks() {
        return new ArchCondition<>("not use synchronized, locks or blocking queues") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getMethods().stream()
                        .filter(m -> m.getModifiers().contains(JavaModifier.SYNCHRONIZED))
                        .forEach(m -> events.add(SimpleConditionEvent.violated(type,
                                m.getFullName() + " is synchronized " + m.getSourceCodeLocation())));
                for (String block : MonitorScanner.synchronizedBlocks(type)) {
                    events.add(SimpleConditionEvent.violated(type, "synchronized block in " + block));
                }
                Set<String> reported = new TreeSet<>();
                type.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    boolean lock = target.getPackageName().equals("java.util.concurrent.locks")
                            && !target.isEquivalentTo(LockSupport.class);
                    boolean blockingQueue = target.isAssignableTo(BlockingQueue.class);
                    if ((lock || blockingQueue) && reported.add(d.getDescription())) {
                        events.add(SimpleConditionEvent.violated(type, (lock ? "lock: " : "blocking queue: ")
                                + d.getDescription()));
                    }
                });
            }
        };
    }
}
