package dev.drivenotes.reporter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.drivenotes.reporter", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule notesAreWrittenAndScoredWithoutInfrastructure = noClasses()
            .that()
            .resideInAPackage("dev.drivenotes.reporter.note..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "org.duckdb..",
                    "com.google.cloud..",
                    "dev.drivenotes.platform..",
                    "dev.drivenotes.reporter.store..",
                    "dev.drivenotes.reporter.report..",
                    "dev.drivenotes.reporter.ingest..",
                    "dev.drivenotes.reporter.api..");

    @ArchTest
    static final ArchRule pagesAndChartsAreDrawnWithoutInfrastructure = noClasses()
            .that()
            .resideInAPackage("dev.drivenotes.reporter.html..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "java.net..",
                    "java.nio.file..",
                    "com.google.cloud..",
                    "dev.drivenotes.platform..",
                    "dev.drivenotes.reporter.store..",
                    "dev.drivenotes.reporter.report..",
                    "dev.drivenotes.reporter.daily..",
                    "dev.drivenotes.reporter.regression..",
                    "dev.drivenotes.reporter.map..",
                    "dev.drivenotes.reporter.api..");

    @ArchTest
    static final ArchRule onlyTheStoreTouchesTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drivenotes.reporter.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.duckdb..");

    @ArchTest
    static final ArchRule neverImportsAnotherService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.drivenotes.carla..", "dev.drivenotes.dreamer..", "dev.drivenotes.orchestrator..");
}
