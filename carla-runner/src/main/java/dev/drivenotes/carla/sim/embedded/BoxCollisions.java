package dev.drivenotes.carla.sim.embedded;

import dev.drivenotes.carla.traffic.OrientedBox;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.vehicle.KinematicBicycle;
import dev.drivenotes.model.sim.VehicleSpec;

/**
 * The embedded simulator's collisions, detected once per step without allocation:
 *
 * <ul>
 *   <li>With a vehicle: the ego's box ({@link KinematicBicycle#LENGTH_M} × {@link
 *       KinematicBicycle#WIDTH_M}) overlaps an NPC's box; reported on the step a contact starts.
 *   <li>With a static object: the ego's centre is more than {@link #STATIC_OUTSIDE_M} outside every
 *       driving lane — past the kerb and sidewalk where CARLA's maps have poles, walls and
 *       buildings; reported when it starts. (The episode normally ends OFF_ROAD at 1 m first, so
 *       this fires only for a vehicle that jumps the kerb within one step.)
 * </ul>
 *
 * Collisions do not end the episode: like the CARLA leaderboard, driving goes on and each collision
 * costs its penalty in the driving score.
 */
final class BoxCollisions {

    static final double STATIC_OUTSIDE_M = 2.5;

    private final boolean[] contact;
    private boolean staticContact;

    BoxCollisions(int npcCount) {
        this.contact = new boolean[npcCount];
    }

    /** The partner of a contact that starts now ({@code vehicle} or {@code static}), or null. */
    String update(double x, double y, double yawRad, double outsideLaneM, TrafficFleet fleet) {
        String collisionWith = null;
        for (int i = 0; i < fleet.count(); i++) {
            boolean touching = fleet.active(i)
                    && OrientedBox.overlap(
                            x,
                            y,
                            yawRad,
                            VehicleSpec.EGO.halfLengthM(),
                            VehicleSpec.EGO.widthM() / 2,
                            fleet.x(i),
                            fleet.y(i),
                            fleet.yawRad(i),
                            TrafficFleet.LENGTH_M / 2,
                            TrafficFleet.WIDTH_M / 2);
            if (touching && !contact[i]) {
                collisionWith = "vehicle";
            }
            contact[i] = touching;
        }
        boolean outside = outsideLaneM > STATIC_OUTSIDE_M;
        if (outside && !staticContact && collisionWith == null) {
            collisionWith = "static";
        }
        staticContact = outside;
        return collisionWith;
    }
}
