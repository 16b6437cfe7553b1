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
    void dreamerModelAndPoliciesNeverTouchACloudSdk() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.drivenotes.dreamer.model..", "dev.drivenotes.dreamer.policy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.cloud..", "com.google.auth..")
                .because("a gs:// checkpoint is fetched by serving into a local folder; the model reads local files")
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
                .because("the trainer may use dreamer-service and carla-runner in-process, not the reverse")
                .check(CLASSES);
    }
}
