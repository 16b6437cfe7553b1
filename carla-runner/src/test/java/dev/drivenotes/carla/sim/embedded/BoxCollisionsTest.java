package dev.drivenotes.carla.sim.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.episode.RouteChooser;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.carla.map.places.PlannedRoute;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.carla.traffic.TrafficNetwork;
import dev.drivenotes.carla.vehicle.KinematicBicycle;
import dev.drivenotes.model.sim.VehicleSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded simulator's collisions, against one background vehicle placed by the real traffic model. */
class BoxCollisionsTest {

    private static final double EGO_HALF_LENGTH_M = VehicleSpec.EGO.lengthM() / 2;
    private static final double EGO_HALF_WIDTH_M = VehicleSpec.EGO.widthM() / 2;
    private static final double NPC_HALF_LENGTH_M = TrafficFleet.LENGTH_M / 2;
    private static final double NPC_HALF_WIDTH_M = TrafficFleet.WIDTH_M / 2;

    @TempDir
    static Path dir;

    static LoadedMap town;
    static PlannedRoute plan;

    TrafficFleet fleet;
    TrafficLights lights;
    BoxCollisions collisions;

    @BeforeAll
    static void town() {
        town = TestMaps.defaultTown(dir);
        plan = RouteChooser.choose(town, 3, null);
    }

    @BeforeEach
    void oneBackgroundVehicle() {
        TrafficNetwork network = TrafficNetwork.of(town);
        lights = new TrafficLights(network.signals(), 3);
        double[] start = new double[3];
        plan.route().polyline().pointAt(0, start);
        fleet = new TrafficFleet(network, lights, 3, 1, 0.5, start[0], start[1]);
        assertThat(fleet.active(0)).isTrue();
        collisions = new BoxCollisions(1);
    }

    /** The ego placed {@code aheadM} along the NPC's heading and {@code leftM} to its left, turned by {@code turnRad}. */
    private KinematicBicycle egoNearNpc(double aheadM, double leftM, double turnRad) {
        double yaw = fleet.yawRad(0);
        double x = fleet.x(0) + aheadM * Math.cos(yaw) - leftM * Math.sin(yaw);
        double y = fleet.y(0) + aheadM * Math.sin(yaw) + leftM * Math.cos(yaw);
        return KinematicBicycle.atCentre(x, y, yaw + turnRad);
    }

    private String collisionAfter(KinematicBicycle ego, double outsideLaneM) {
        return collisions.update(ego.centreX(), ego.centreY(), ego.yawRad(), outsideLaneM, fleet);
    }

    @Test
    void aVehicleCollisionIsReportedOnTheStepTheBoxesStartToOverlap() {
        double touchingM = EGO_HALF_LENGTH_M + NPC_HALF_LENGTH_M;
        assertThat(collisionAfter(egoNearNpc(touchingM + 0.2, 0, 0), 0)).isNull();
        assertThat(collisionAfter(egoNearNpc(touchingM - 0.2, 0, 0), 0)).isEqualTo("vehicle");
        assertThat(collisionAfter(egoNearNpc(touchingM - 0.3, 0, 0), 0))
                .as("the same contact goes on")
                .isNull();
        assertThat(collisionAfter(egoNearNpc(touchingM + 0.2, 0, 0), 0)).isNull();
        assertThat(collisionAfter(egoNearNpc(touchingM - 0.2, 0, 0), 0))
                .as("a new contact")
                .isEqualTo("vehicle");
    }

    @Test
    void sideBySideVehiclesCollideOnlyWhenTheirWidthsOverlap() {
        double touchingM = EGO_HALF_WIDTH_M + NPC_HALF_WIDTH_M;
        assertThat(collisionAfter(egoNearNpc(0, touchingM + 0.1, 0), 0)).isNull();
        assertThat(collisionAfter(egoNearNpc(1, touchingM - 0.1, 0), 0)).isEqualTo("vehicle");
    }

    @Test
    void aCrossingEgoIsClearBeyondTheBumperThoughTheBoundingCirclesOverlap() {
        // crossing at right angles, the ego's half width faces the NPC's bumper
        double touchingM = NPC_HALF_LENGTH_M + EGO_HALF_WIDTH_M;
        double circlesM =
                Math.hypot(NPC_HALF_LENGTH_M, NPC_HALF_WIDTH_M) + Math.hypot(EGO_HALF_LENGTH_M, EGO_HALF_WIDTH_M);
        assertThat(touchingM + 0.2).isLessThan(circlesM);
        assertThat(collisionAfter(egoNearNpc(touchingM + 0.2, 0, Math.PI / 2), 0))
                .isNull();
        assertThat(collisionAfter(egoNearNpc(touchingM - 0.2, 0, Math.PI / 2), 0))
                .isEqualTo("vehicle");
    }

    @Test
    void leavingTheRoadPastTheKerbIsAStaticCollisionOncePerExcursion() {
        KinematicBicycle farFromTraffic = egoNearNpc(-40, 0, 0);
        assertThat(collisionAfter(farFromTraffic, BoxCollisions.STATIC_OUTSIDE_M))
                .isNull();
        assertThat(collisionAfter(farFromTraffic, BoxCollisions.STATIC_OUTSIDE_M + 0.1))
                .isEqualTo("static");
        assertThat(collisionAfter(farFromTraffic, BoxCollisions.STATIC_OUTSIDE_M + 3))
                .isNull();
        assertThat(collisionAfter(farFromTraffic, 0.5)).isNull();
        assertThat(collisionAfter(farFromTraffic, BoxCollisions.STATIC_OUTSIDE_M + 0.1))
                .isEqualTo("static");
    }

    @Test
    void aVehicleHitOffTheRoadCountsAsTheVehicle() {
        double touchingM = EGO_HALF_LENGTH_M + NPC_HALF_LENGTH_M;
        assertThat(collisionAfter(egoNearNpc(touchingM - 0.2, 0, 0), BoxCollisions.STATIC_OUTSIDE_M + 1))
                .isEqualTo("vehicle");
    }
}
