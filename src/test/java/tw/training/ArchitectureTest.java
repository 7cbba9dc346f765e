package tw.training;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries the house style sets, checked on every build. */
@AnalyzeClasses(packages = "tw.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("tw.training.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheWebLayer = noClasses()
            .that().resideOutsideOfPackage("tw.training.web..")
            .should().dependOnClassesThat().resideInAPackage("tw.training.web..");

    @ArchTest
    static final ArchRule failuresKnowNothingOfHttp = noClasses()
            .that().resideInAPackage("tw.training.problem..")
            .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..");

    @ArchTest
    static final ArchRule documentsAndTheirParserKnowNothingOfStorageOrHttp = noClasses()
            .that().resideInAnyPackage("tw.training.catalogue.document..", "tw.training.catalogue.parsing..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.micronaut.data..", "java.sql..",
                    "tw.training.problem..");

    @ArchTest
    static final ArchRule theParserDoesNotDependOnTheCatalogueService = noClasses()
            .that().resideInAPackage("tw.training.catalogue.parsing..")
            .should().dependOnClassesThat().resideInAPackage("tw.training.catalogue");
}
