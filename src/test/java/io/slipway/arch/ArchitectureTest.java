package io.slipway.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering and hygiene rules of the code base (cf. JabRef's CommonArchitectureTest). */
class ArchitectureTest {
    static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter().withImportOption(ArchitectureTest::isMainClass)
                .importPackages("io.slipway");
    }

    /** By location, because the build directory is configurable (ArchUnit's predefined option assumes target/). */
    private static boolean isMainClass(com.tngtech.archunit.core.importer.Location location) {
        return !location.contains("/test-classes/");
    }

    @Test
    void coreIsFreeOfUi() {
        ArchitectureRules.CORE_HAS_NO_JAVAFX.check(mainClasses);
        ArchitectureRules.CORE_DOES_NOT_USE_UI_OR_CLI.check(mainClasses);
    }

    @Test
    void cliSitsOnCoreOnly() {
        ArchitectureRules.CLI_DOES_NOT_USE_GUI.check(mainClasses);
    }

    @Test
    void outputGoesThroughTheCliOrTheLogger() {
        ArchitectureRules.STANDARD_STREAMS_ONLY_IN_CLI.check(mainClasses);
        ArchitectureRules.LOGGING_THROUGH_SLF4J.check(mainClasses);
    }

    @Test
    void threadsComeFromTheTaskInfrastructure() {
        ArchitectureRules.THREADS_ONLY_IN_TASK_INFRASTRUCTURE.check(mainClasses);
    }
}
