package io.hashdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module layering of docs/decisions/0001-module-layering.md, checked on the compiled classes of
 * every module: app uses core, ml and miner-drivers; ml and miner-drivers use only core; nothing
 * uses app; only app touches JavaFX or a logging backend. The Maven enforcer checks the same at
 * the level of module dependencies; this test also catches a stray import.
 */
@AnalyzeClasses(packages = "io.hashdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "io.hashdesk.app..";
    private static final String CORE = "io.hashdesk.core..";
    private static final String ML = "io.hashdesk.ml..";
    private static final String DRIVERS = "io.hashdesk.drivers..";

    /** Guards against the rules below passing on nothing: the other modules' classes must be on the test classpath. */
    @ArchTest
    static void importsTheLibraryModulesAlongsideTheApp(JavaClasses classes) {
        assertTrue(classes.containPackage("io.hashdesk.core.settings"), "core classes imported");
        assertTrue(classes.containPackage("io.hashdesk.app.shell"), "app classes imported");
        assertFalse(classes.contain(ArchitectureTest.class), "test classes left out");
    }

    @ArchTest
    static final ArchRule modulesDependOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // ml and miner-drivers may still be empty; the rule must hold as they fill up.
            .withOptionalLayers(true)
            .layer("app").definedBy(APP)
            .layer("ml").definedBy(ML)
            .layer("miner-drivers").definedBy(DRIVERS)
            .layer("core").definedBy(CORE)
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ml").mayOnlyBeAccessedByLayers("app")
            .whereLayer("miner-drivers").mayOnlyBeAccessedByLayers("app")
            .whereLayer("core").mayOnlyBeAccessedByLayers("app", "ml", "miner-drivers");

    @ArchTest
    static final ArchRule librariesStayFreeOfUiAndLoggingBackends = noClasses()
            .that().resideInAnyPackage(CORE, ML, DRIVERS)
            .should().dependOnClassesThat().resideInAnyPackage(APP, "javafx..", "ch.qos.logback..")
            .because("core, ml and miner-drivers must run in the headless agent and log through SLF4J only");

    @ArchTest
    static final ArchRule everyClassBelongsToAModule = classes()
            .that().resideInAPackage("io.hashdesk..")
            .should().resideInAnyPackage(APP, CORE, ML, DRIVERS)
            .because("a new top-level package must be placed in the layering above before it is used");
}
