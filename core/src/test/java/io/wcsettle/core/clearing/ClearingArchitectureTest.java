package io.wcsettle.core.clearing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Clearing, prepayment and ledger use only the JDK and core; the ledger knows nothing of clearing. */
@AnalyzeClasses(packages = "io.wcsettle.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ClearingArchitectureTest {

    @ArchTest
    static final ArchRule onlyJdkAndCore = classes()
            .that().resideInAnyPackage("io.wcsettle.core.clearing..", "io.wcsettle.core.prepayment..",
                    "io.wcsettle.core.ledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.wcsettle.core..");

    @ArchTest
    static final ArchRule ledgerIndependentOfClearing = noClasses()
            .that().resideInAPackage("io.wcsettle.core.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wcsettle.core.clearing..",
                    "io.wcsettle.core.prepayment..");
}
