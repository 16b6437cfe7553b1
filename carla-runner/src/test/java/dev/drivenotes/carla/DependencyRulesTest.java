package dev.drivenotes.carla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
                    "..carla.map..",
                    "..carla.town..",
                    "..carla.sim..",
                    "..carla.episode..",
                    "..carla.vehicle..",
                    "..carla.sensor..",
                    "..carla.traffic..",
                    "..carla.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.google.cloud..", "dev.drivenotes.platform.web..");

    /**
     * The CARLA client is a library: it knows nothing of Spring, of the map code, of the simulator
     * port or its backends; the backend uses it, never the other way round.
     */
    @ArchTest
    static final ArchRule carlaClientStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.drivenotes.carla.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "dev.drivenotes.model..",
                    "dev.drivenotes.platform..",
                    "dev.drivenotes.carla.sim..",
                    "dev.drivenotes.carla.map..",
                    "dev.drivenotes.carla.traffic..",
                    "dev.drivenotes.carla.sensor..",
                    "dev.drivenotes.carla.api..");

    /** Inside the client, streams and records build on the RPC layer, never the reverse. */
    @ArchTest
    static final ArchRule carlaClientLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("client")
            .definedBy("dev.drivenotes.carla.client")
            .layer("stream")
            .definedBy("dev.drivenotes.carla.client.stream..")
            .layer("protocol")
            .definedBy("dev.drivenotes.carla.client.protocol..")
            .layer("rpc")
            .definedBy("dev.drivenotes.carla.client.rpc..")
            .whereLayer("stream")
            .mayOnlyBeAccessedByLayers("client")
            .whereLayer("protocol")
            .mayOnlyBeAccessedByLayers("client", "stream")
            .whereLayer("rpc")
            .mayOnlyBeAccessedByLayers("client", "stream", "protocol");

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
                    "..carla.sim..",
                    "..carla.episode..",
                    "..carla.client..",
                    "..carla.sensor..",
                    "..carla.vehicle..",
                    "..carla.traffic..",
                    "..carla.api..",
                    "..carla.town..");

    /**
     * The map's layers, bottom up: plane geometry; the parsed OpenDRIVE model and its reader; the
     * lane graph and its index; lane routes; named places and routes between them; and at the top
     * the loaded map and its catalog, which put them together.
     */
    @ArchTest
    static final ArchRule mapLayersDependOnlyDownwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("loaded map")
            .definedBy("dev.drivenotes.carla.map")
            .layer("places")
            .definedBy("dev.drivenotes.carla.map.places..")
            .layer("routing")
            .definedBy("dev.drivenotes.carla.map.routing..")
            .layer("lanes")
            .definedBy("dev.drivenotes.carla.map.lanes..")
            .layer("opendrive")
            .definedBy("dev.drivenotes.carla.map.opendrive..")
            .layer("geometry")
            .definedBy("dev.drivenotes.carla.map.geometry..")
            .whereLayer("geometry")
            .mayNotAccessAnyLayer()
            .whereLayer("opendrive")
            .mayOnlyAccessLayers("geometry")
            .whereLayer("lanes")
            .mayOnlyAccessLayers("opendrive", "geometry")
            .whereLayer("routing")
            .mayOnlyAccessLayers("lanes", "geometry")
            .whereLayer("places")
            .mayOnlyAccessLayers("routing", "lanes", "opendrive", "geometry");

    @ArchTest
    static final ArchRule mapLayersAreFreeOfCycles =
            slices().matching("dev.drivenotes.carla.map.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule carlaRunnerPackagesAreFreeOfCycles =
            slices().matching("dev.drivenotes.carla.(*)..").should().beFreeOfCycles();

    /**
     * The REST API and everything but the wiring see simulators only through the {@code Simulator}
     * port, so that a second backend (the CARLA client) slots in beside the embedded one.
     */
    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheEmbeddedSimulator = noClasses()
            .that()
            .resideOutsideOfPackages("dev.drivenotes.carla.sim.embedded..")
            .and()
            .doNotHaveSimpleName("SimulatorConfiguration")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drivenotes.carla.sim.embedded..");

    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheCarlaBackend = noClasses()
            .that()
            .resideOutsideOfPackages("dev.drivenotes.carla.sim.carla..")
            .and()
            .doNotHaveSimpleName("SimulatorConfiguration")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drivenotes.carla.sim.carla..");

    /** The protocol fake serves tests and the launcher's benchmark; nothing of carla-runner uses it. */
    @ArchTest
    static final ArchRule nothingInCarlaRunnerUsesTheFake = noClasses()
            .that()
            .resideOutsideOfPackage("dev.drivenotes.carla.fake..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.drivenotes.carla.fake..");

    /**
     * The fake writes CARLA's encodings on its own, so that a mistake in the client's cannot be
     * matched by the same mistake in the fake: it may use the client's msgpack factory, nothing else.
     */
    @ArchTest
    static final ArchRule theFakeEncodesOnItsOwn = noClasses()
            .that()
            .resideInAPackage("dev.drivenotes.carla.fake..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drivenotes.carla.client",
                    "dev.drivenotes.carla.client.protocol..",
                    "dev.drivenotes.carla.client.stream..",
                    "dev.drivenotes.carla.sim..",
                    "dev.drivenotes.carla.episode..");

    @ArchTest
    static final ArchRule thePortDoesNotDependOnABackend = noClasses()
            .that()
            .resideInAPackage("dev.drivenotes.carla.sim")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.drivenotes.carla.sim.(*)..");
}
