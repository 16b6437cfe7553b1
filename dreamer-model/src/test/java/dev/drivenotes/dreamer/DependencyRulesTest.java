package dev.drivenotes.dreamer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** dreamer-model is the library both serving and training build on, and neither of them. */
@AnalyzeClasses(packages = "dev.drivenotes.dreamer", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule aPlainLibraryOnTheJdkDjlJacksonAndTheCommonModel = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "ai.djl..",
                    "tools.jackson..",
                    "dev.drivenotes.model..",
                    "dev.drivenotes.dreamer.model..",
                    "dev.drivenotes.dreamer.policy..")
            .because("no Spring, cloud SDK or serving code: dreamer-service serves it, the trainer trains it");

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
