package io.slipway.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering and hygiene rules of the code base (cf. JabRef's CommonArchitectureTest). */
class ArchitectureTest {
    static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // -Dslipway.buildDir=/tmp/x puts test classes in /tmp/x/test-classes, which the predefined option
                // (it knows target/test-classes) does not recognise
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.slipway");
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
