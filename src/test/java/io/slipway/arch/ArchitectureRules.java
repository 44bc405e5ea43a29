package io.slipway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The rules, kept apart from the tests so they are also run against deliberate violations. */
final class ArchitectureRules {
    static final String CORE = "io.slipway.core..";
    static final String CLI = "io.slipway.cli..";
    static final String GUI = "io.slipway.gui..";
    static final String TASKS = "io.slipway.gui.tasks..";

    static final ArchRule CORE_HAS_NO_JAVAFX = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("core (store, engines, SPDX, deploy/upgrade/release) must run headless in the CLI and tests");

    static final ArchRule CORE_DOES_NOT_USE_UI_OR_CLI = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(GUI, CLI)
            .because("the UI and the CLI sit on top of core, never the other way round");

    static final ArchRule CLI_DOES_NOT_USE_GUI = noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(GUI, "javafx..", "org.controlsfx..")
            .because("the CLI must work on a machine without a display; it reaches the console only through GuiLauncher");

    static final ArchRule STANDARD_STREAMS_ONLY_IN_CLI = noClasses().that().resideOutsideOfPackage(CLI)
            .and().doNotHaveFullyQualifiedName("io.slipway.Main")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("user output goes through the CLI's writers and diagnostics through slf4j; "
                    + "System.out and printStackTrace bypass both");

    static final ArchRule LOGGING_THROUGH_SLF4J = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.log4j..", "org.apache.logging.log4j..",
                    "org.apache.commons.logging..", "ch.qos.logback..", "java.util.logging..")
            .because("all logging goes through the slf4j API so the backend stays one configuration "
                    + "(java.util.logging, log4j or logback calls would bypass it)");

    static final ArchRule THREADS_ONLY_IN_TASK_INFRASTRUCTURE = noClasses().that().resideOutsideOfPackage(TASKS)
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                    .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
                            .owner(com.tngtech.archunit.base.DescribedPredicate.describe("is a Thread",
                                    c -> c.isAssignableTo(Thread.class)))))
            .because("background work runs through the task infrastructure, which tracks, throttles and cancels it");

    private ArchitectureRules() {
    }
}
