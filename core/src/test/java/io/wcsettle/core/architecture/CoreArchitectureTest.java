package io.wcsettle.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.wcsettle.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesOnlyTheJdk = classes()
            .that().resideInAPackage("io.wcsettle.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.wcsettle.core..")
            .because("core has zero runtime dependencies (module-info requires only java.base)");

    @ArchTest
    static final ArchRule coreNeverReadsTheClock = noClasses()
            .that().resideInAPackage("io.wcsettle.core..")
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("clocks are injected; core never reads the time");

    @ArchTest
    static final ArchRule noFloatingPointMoney = noClasses()
            .that().resideInAPackage("io.wcsettle.core.money..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
            .because("R-MON-1: money is integer fen, never double");
}
