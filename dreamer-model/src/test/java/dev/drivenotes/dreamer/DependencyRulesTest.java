package dev.drivenotes.dreamer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** dreamer-model is the library both serving and training build on, and neither of them. */
@AnalyzeClasses(packages = "dev.drivenotes.dreamer", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule aPlainLibraryWithoutSpringCloudSdksOrServing = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.servlet..",
                    "com.google..",
                    "dev.drivenotes.platform..",
                    "dev.drivenotes.dreamer.serving..")
            .because("serving (Spring, Cloud Storage) lives in dreamer-service; the model reads local files only");

    @ArchTest
    static final ArchRule noTraining = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ai.djl.training..", "dev.drivenotes.trainer..")
            .because("training (gradients, optimiser, replay) belongs to the trainer module");

    @ArchTest
    static final ArchRule theNetworksKnowNothingOfPolicies = noClasses()
            .that()
            .resideInAPackage("dev.drivenotes.dreamer.model..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drivenotes.dreamer.policy..")
            .because("policies drive with the model, not the reverse");
}
