package dev.drivenotes.model.experiment;

import dev.drivenotes.model.Require;
import dev.drivenotes.model.sim.GroundTruth;

/**
 * The infractions of an episode that the driving score penalises, counted as the CARLA Leaderboard
 * 2.0 counts them: one per collision event by what was hit, one per red light and per stop sign run.
 *
 * @param collisionsPedestrian collisions with a pedestrian
 * @param collisionsVehicle collisions with another vehicle
 * @param collisionsStatic collisions with anything else (the road layout, props, unknown partners)
 * @param redLightRuns red lights run
 * @param stopSignRuns stop signs passed without stopping
 */
public record Infractions(
        int collisionsPedestrian, int collisionsVehicle, int collisionsStatic, int redLightRuns, int stopSignRuns) {

    public static final Infractions NONE = new Infractions(0, 0, 0, 0, 0);

    public Infractions {
        Require.inRange("collisionsPedestrian", collisionsPedestrian, 0, Integer.MAX_VALUE);
        Require.inRange("collisionsVehicle", collisionsVehicle, 0, Integer.MAX_VALUE);
        Require.inRange("collisionsStatic", collisionsStatic, 0, Integer.MAX_VALUE);
        Require.inRange("redLightRuns", redLightRuns, 0, Integer.MAX_VALUE);
        Require.inRange("stopSignRuns", stopSignRuns, 0, Integer.MAX_VALUE);
    }

    /** The infractions of one step's ground truth. */
    public static Infractions of(GroundTruth truth) {
        String partner = truth.collision() ? truth.collisionWith() : null;
        return new Infractions(
                "pedestrian".equals(partner) ? 1 : 0,
                "vehicle".equals(partner) ? 1 : 0,
                partner != null && !partner.equals("pedestrian") && !partner.equals("vehicle") ? 1 : 0,
                truth.redLightRun() ? 1 : 0,
                truth.stopSignRun() ? 1 : 0);
    }

    public Infractions plus(Infractions other) {
        return new Infractions(
                collisionsPedestrian + other.collisionsPedestrian,
                collisionsVehicle + other.collisionsVehicle,
                collisionsStatic + other.collisionsStatic,
                redLightRuns + other.redLightRuns,
                stopSignRuns + other.stopSignRuns);
    }

    /** Collisions of every kind. */
    public int collisions() {
        return collisionsPedestrian + collisionsVehicle + collisionsStatic;
    }
}
