package tw.training;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.micronaut.http.annotation.Body;
import tw.training.web.CsvRows;
import tw.training.web.MultipartReader;
import tw.training.web.PlainText;
import tw.training.web.Templates;
import tw.training.web.TextUpload;
import tw.training.web.TrustedProxies;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries the house style sets, checked on every build. */
@AnalyzeClasses(packages = "tw.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("tw.training.(*)..").should().beFreeOfCycles();

    /**
     * Features render pages through {@code Templates}, mark controllers {@code PlainText} and read multipart bodies
     * with {@code MultipartReader}; the rest of web (error mapping) is none of their business.
     */
    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheWebLayer = noClasses()
            // the pages' foundation is web layer too: it answers the problems of pages as pages
            .that().resideOutsideOfPackages("tw.training.web..", "tw.training.page..")
            // what Micronaut generates for an annotated bean names the annotation's interceptor
            .and().haveNameNotMatching(".*\\.\\$.*")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("tw.training.web..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Templates.class)))
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(PlainText.class)))
                    .and(DescribedPredicate.not(HasName.Predicates.nameStartingWith(MultipartReader.class.getName())))
                    // the readers of a streamed body (multipart parts, an uploaded text, its CSV rows) are what routes that read their own body use
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(TextUpload.class)))
                    .and(DescribedPredicate.not(HasName.Predicates.nameStartingWith(CsvRows.class.getName())))
                    // who sent a request and whether over HTTPS, as the trusted proxies say (sign-in throttles by it)
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(TrustedProxies.class))));

    /** Every request body is checked for text that cannot be stored before a route sees it. */
    @ArchTest
    static final ArchRule controllersTakingABodyCheckItsText = classes()
            .that(new DescribedPredicate<JavaClass>("take a request body") {
                @Override
                public boolean test(JavaClass controller) {
                    return controller.getMethods().stream().flatMap(method -> method.getParameters().stream())
                            .anyMatch(parameter -> parameter.isAnnotatedWith(Body.class)
                                    && !parameter.getRawType().isEquivalentTo(byte[].class));
                }
            })
            .should().beAnnotatedWith(PlainText.class);

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

    /**
     * The classes that read a {@code ResultSet} by hand: set-based work no repository expresses, each saying why in its
     * own comment, and the helper they run it through. Every other row goes through a Micronaut Data repository.
     */
    static final List<String> SET_BASED = List.of("tw.training.database.Sql", "tw.training.progress.ProgressLedger",
            "tw.training.progress.ProgressQueries", "tw.training.assessing.GridCells", "tw.training.report.TriedIndicators",
            "tw.training.report.SetAsideRules", "tw.training.revision.MoveQueries", "tw.training.evidence.ClaimReads");

    @ArchTest
    static final ArchRule onlySetBasedWorkReadsResultSets = noClasses()
            .that(new DescribedPredicate<JavaClass>("are not the named set-based classes") {
                @Override
                public boolean test(JavaClass type) {
                    return SET_BASED.stream().noneMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$"));
                }
            })
            .should().dependOnClassesThat().areAssignableTo(java.sql.ResultSet.class);
}
