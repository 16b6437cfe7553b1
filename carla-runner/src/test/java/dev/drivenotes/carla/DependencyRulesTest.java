package dev.drivenotes.carla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.drivenotes.carla", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule simulationDomainIsFreeOfSpringAndCloud = noClasses()
            .that()
            .resideInAnyPackage(
                    "..carla.map..", "..carla.town..", "..carla.sim..", "..carla.vehicle..", "..carla.sensor..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.google.cloud..", "dev.drivenotes.platform.web..");

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drivenotes.orchestrator..", "dev.drivenotes.dreamer..", "dev.drivenotes.reporter..");

    @ArchTest
    static final ArchRule mapCodeDoesNotReachIntoSimulation = noClasses()
            .that()
            .resideInAPackage("..carla.map..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..carla.sim..", "..carla.sensor..", "..carla.vehicle..", "..carla.api..", "..carla.town..");
}
