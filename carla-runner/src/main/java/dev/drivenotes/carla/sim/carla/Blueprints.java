package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.carla.client.protocol.ActorDefinition;
import dev.drivenotes.carla.client.protocol.ActorDescription;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The blueprints a simulation spawns, from the server's {@code get_actor_definitions}: the ego
 * ({@value #EGO}, role {@code hero} as the CARLA leaderboard names it), its collision sensor
 * ({@value #COLLISION_SENSOR}) and, for the background traffic, four-wheeled cars picked by the
 * simulation's seed from the server's list in id order (so the same seed picks the same cars on the
 * same server).
 */
final class Blueprints {

    static final String EGO = "vehicle.tesla.model3";
    static final String COLLISION_SENSOR = "sensor.other.collision";
    static final String EGO_ROLE = "hero";
    static final String NPC_ROLE = "drivenotes-npc";

    private final ActorDefinition ego;
    private final ActorDefinition collisionSensor;
    private final List<ActorDefinition> cars;

    private Blueprints(ActorDefinition ego, ActorDefinition collisionSensor, List<ActorDefinition> cars) {
        this.ego = ego;
        this.collisionSensor = collisionSensor;
        this.cars = cars;
    }

    static Blueprints of(List<ActorDefinition> definitions, String endpoint) {
        ActorDefinition ego = find(definitions, EGO, endpoint);
        ActorDefinition sensor = find(definitions, COLLISION_SENSOR, endpoint);
        List<ActorDefinition> cars = definitions.stream()
                .filter(d -> d.id().startsWith("vehicle."))
                .filter(d -> d.attribute("number_of_wheels")
                        .map(a -> a.value().equals("4"))
                        .orElse(false))
                .filter(d -> d.attribute("base_type")
                        .map(a -> a.value().isEmpty() || a.value().equalsIgnoreCase("car"))
                        .orElse(true))
                .sorted(Comparator.comparing(ActorDefinition::id))
                .toList();
        return new Blueprints(ego, sensor, cars.isEmpty() ? List.of(ego) : cars);
    }

    private static ActorDefinition find(List<ActorDefinition> definitions, String id, String endpoint) {
        return definitions.stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("CARLA server " + endpoint + " has no blueprint " + id
                        + " (" + definitions.size() + " blueprints)"));
    }

    ActorDescription ego() {
        return ego.describe(Map.of("role_name", EGO_ROLE));
    }

    ActorDescription collisionSensor() {
        return collisionSensor.describe(Map.of());
    }

    /** One car per background vehicle, chosen by the seed. */
    ActorDescription[] npcs(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed * 0x5DEECE66DL + 11);
        ActorDescription[] chosen = new ActorDescription[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = cars.get(random.nextInt(cars.size())).describe(Map.of("role_name", NPC_ROLE));
        }
        return chosen;
    }
}
