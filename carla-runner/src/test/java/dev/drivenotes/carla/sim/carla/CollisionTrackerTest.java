package dev.drivenotes.carla.sim.carla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.client.protocol.Actor;
import dev.drivenotes.carla.client.protocol.ActorDescription;
import dev.drivenotes.carla.client.protocol.BoundingBox;
import dev.drivenotes.carla.client.protocol.Rotation;
import dev.drivenotes.carla.client.protocol.Vector3D;
import dev.drivenotes.carla.client.stream.CollisionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollisionTrackerTest {

    private static CollisionEvent hit(int otherId, String otherType) {
        BoundingBox box = new BoundingBox(Vector3D.ZERO, Vector3D.ZERO, Rotation.ZERO);
        Actor ego = new Actor(
                24, 0, new ActorDescription(5, "vehicle.tesla.model3", List.of()), box, new byte[0], new byte[0]);
        Actor other =
                new Actor(otherId, 0, new ActorDescription(1, otherType, List.of()), box, new byte[0], new byte[0]);
        return new CollisionEvent(1, 0, ego, other, Vector3D.ZERO);
    }

    private static String step(CollisionTracker tracker, CollisionEvent... events) {
        return tracker.update(sink -> List.of(events).forEach(sink));
    }

    @Test
    void aContactCountsOnTheStepItStartsAndAgainAfterAStepWithout() {
        CollisionTracker tracker = new CollisionTracker();

        assertThat(step(tracker, hit(30, "vehicle.audi.a2"))).isEqualTo("vehicle");
        assertThat(step(tracker, hit(30, "vehicle.audi.a2"))).isNull();
        assertThat(step(tracker)).isNull();
        assertThat(step(tracker, hit(30, "vehicle.audi.a2"))).isEqualTo("vehicle");
    }

    @Test
    void partnersAreVehiclesPedestriansOrStaticByTheirBlueprintAndTheWorstStartingOneIsReported() {
        assertThat(step(new CollisionTracker(), hit(0, "static.building"))).isEqualTo("static");
        assertThat(step(new CollisionTracker(), hit(41, "traffic.traffic_light")))
                .isEqualTo("static");
        assertThat(step(new CollisionTracker(), hit(40, "walker.pedestrian.0001")))
                .isEqualTo("pedestrian");
        assertThat(step(
                        new CollisionTracker(),
                        hit(0, "static.pole"),
                        hit(30, "vehicle.audi.a2"),
                        hit(40, "walker.pedestrian.0002")))
                .isEqualTo("pedestrian");
    }

    @Test
    void aNewPartnerDuringAnOngoingContactIsANewCollision() {
        CollisionTracker tracker = new CollisionTracker();
        step(tracker, hit(30, "vehicle.audi.a2"));

        assertThat(step(tracker, hit(30, "vehicle.audi.a2"), hit(0, "static.fence")))
                .isEqualTo("static");
    }
}
