package dev.drivenotes.carla.sim.carla;

import dev.drivenotes.model.sim.Maneuver;

/**
 * Between the map code's frame and CARLA's. The map code works in OpenDRIVE's frame: right-handed,
 * x east, y north, headings in radians counter-clockwise. CARLA (Unreal) is left-handed: LibCarla
 * turns an OpenDRIVE point into a CARLA location by negating y and the heading, then takes the yaw
 * in degrees ("Unreal's Y axis hack", road/Lane.cpp:188-196; road/MapBuilder.cpp:791). So x stays,
 * y flips, and a CARLA yaw of +90° (clockwise seen from above) is an OpenDRIVE heading of −π/2.
 */
final class CarlaCoordinates {

    private CarlaCoordinates() {}

    /** CARLA's y of a map y, and the map y of a CARLA y. */
    static float flipY(double y) {
        return (float) -y;
    }

    /** CARLA's yaw (degrees, clockwise) of a map heading (radians, counter-clockwise). */
    static float yawDeg(double headingRad) {
        return (float) Math.toDegrees(-headingRad);
    }

    /** The map heading (radians, counter-clockwise, in (−π, π]) of a CARLA yaw. */
    static double headingRad(double yawDeg) {
        return Maneuver.normalizeAngle(-Math.toRadians(yawDeg));
    }
}
