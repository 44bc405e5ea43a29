package io.slipway.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.slipway.cli.archfixture.ViolatingCliClass;
import io.slipway.core.archfixture.ViolatingCoreClass;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fails on a class that breaks it, so a passing ArchitectureTest means something. */
class ArchitectureRulesCatchViolationsTest {
    static final JavaClasses FIXTURES = new ClassFileImporter()
            .importClasses(ViolatingCoreClass.class, ViolatingCliClass.class);

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("core imports JavaFX", ArchitectureRules.CORE_HAS_NO_JAVAFX, "SimpleStringProperty"),
                Arguments.of("core uses the CLI", ArchitectureRules.CORE_DOES_NOT_USE_UI_OR_CLI, "io.slipway.cli.Cli"),
                Arguments.of("CLI uses the GUI", ArchitectureRules.CLI_DOES_NOT_USE_GUI, "ConsoleLauncher"),
                Arguments.of("System.out outside the CLI", ArchitectureRules.STANDARD_STREAMS_ONLY_IN_CLI, "System.out"),
                Arguments.of("java.util.logging", ArchitectureRules.LOGGING_THROUGH_SLF4J, "java.util.logging"),
                Arguments.of("new Thread outside tasks", ArchitectureRules.THREADS_ONLY_IN_TASK_INFRASTRUCTURE, "Thread.<init>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleReportsTheViolation(String what, ArchRule rule, String expectedInReport) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertThat(result.hasViolation()).as(what).isTrue();
        assertThat(result.getFailureReport().toString()).contains(expectedInReport).contains("because");
    }
}
