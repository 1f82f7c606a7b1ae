package io.wcsettle.his.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout shows the architecture: the layers of what a HIS embeds, and no test double inside it. */
@AnalyzeClasses(packages = "io.wcsettle.his", importOptions = ImportOption.DoNotIncludeTests.class)
class AdapterArchitectureTest {

    @ArchTest
    static final ArchRule cardStandsAlone = noClasses().that().resideInAPackage("io.wcsettle.his.card..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wcsettle.his.platform..", "io.wcsettle.his.outbox..",
                    "io.wcsettle.his.session..", "io.wcsettle.his.reconciliation..", "io.wcsettle.testkit..");

    @ArchTest
    static final ArchRule platformBelowOutboxAndSession = noClasses().that().resideInAPackage("io.wcsettle.his.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wcsettle.his.outbox..", "io.wcsettle.his.session..",
                    "io.wcsettle.his.reconciliation..", "io.wcsettle.his.card..", "io.wcsettle.testkit..");

    @ArchTest
    static final ArchRule profileBelowPlatform = noClasses().that().resideInAPackage("io.wcsettle.his.platform.profile..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wcsettle.his.platform");

    @ArchTest
    static final ArchRule outboxNeverUsesSession = noClasses().that().resideInAPackage("io.wcsettle.his.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wcsettle.his.session..", "io.wcsettle.his.card..",
                    "io.wcsettle.testkit..");

    @ArchTest
    static final ArchRule noTestDoubles = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.wcsettle.testkit..", "org.h2..", "org.junit..");

    @ArchTest
    static final ArchRule noClockReads = noClasses().should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now");
}
