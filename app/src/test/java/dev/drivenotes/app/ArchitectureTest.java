package dev.drivenotes.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md and STYLE.md, as a test. */
class ArchitectureTest {

    private static final List<String> SERVICES = List.of("carla", "dreamer", "orchestrator", "reporter");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drivenotes");

    @Test
    void commonModelIsFreeOfSpringWebCloudSdksAndServices() {
        noClasses()
                .that()
                .resideInAPackage("dev.drivenotes.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.servlet..",
                        "com.google..",
                        "ai.djl..",
                        "org.duckdb..",
                        "dev.drivenotes.platform..",
                        "dev.drivenotes.carla..",
                        "dev.drivenotes.dreamer..",
                        "dev.drivenotes.orchestrator..",
                        "dev.drivenotes.reporter..")
                .because("common-model is the shared contract: plain Java records and ports only")
                .check(CLASSES);
    }

    @Test
    void servicesNeverImportEachOther() {
        for (String service : SERVICES) {
            String[] others = SERVICES.stream()
                    .filter(s -> !s.equals(service))
                    .map(s -> "dev.drivenotes." + s + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("dev.drivenotes." + service + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("services talk over REST and events, through common-model's contract")
                    .check(CLASSES);
        }
    }

    @Test
    void platformAdaptersDoNotDependOnServices() {
        noClasses()
                .that()
                .resideInAPackage("dev.drivenotes.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.drivenotes.carla..",
                        "dev.drivenotes.dreamer..",
                        "dev.drivenotes.orchestrator..",
                        "dev.drivenotes.reporter..",
                        "dev.drivenotes.app..")
                .check(CLASSES);
    }

    @Test
    void onlyTheTrainerTrains() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.drivenotes.trainer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl.training..", "dev.drivenotes.trainer.learning..")
                .because("gradients, the optimiser and the learner stay out of dreamer-model and dreamer-service")
                .check(CLASSES);
    }

    @Test
    void servicesNeverDependOnTheTrainer() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        SERVICES.stream().map(s -> "dev.drivenotes." + s + "..").toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.drivenotes.trainer..")
                .because("the trainer uses dreamer-model and carla-runner in-process, never the reverse")
                .check(CLASSES);
    }
}
