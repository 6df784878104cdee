package io.weir.archtests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main classes of api, spi and runtime-lockfree (every {@code io.weir} class on this module's
 * class path except test classes, which include the rule fixtures), imported once.
 */
final class ProductionClasses {
    private ProductionClasses() {
    }

    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.weir");
    }

    static JavaClasses get() {
        return Holder.CLASSES;
    }
}
