package dev.drivenotes.carla.map.opendrive;

import java.util.List;

/**
 * An OpenDRIVE {@code <signal>} of a road, with its world pose.
 *
 * @param s road position of the signal on {@link #roadId()}
 * @param t lateral offset from the reference line (positive left)
 * @param type OpenDRIVE type code as written ("1000001", "206", "R1-1", ...)
 * @param validities lanes it applies to; empty = every lane facing it
 * @param x world x of the signal (reference line point at s, shifted by t)
 * @param y world y
 * @param z world z: road elevation at s plus zOffset
 * @param trafficHeadingRad heading of the traffic it governs: the reference line heading at s, plus
 *     π for orientation "-"
 */
public record Signal(
        String id,
        String name,
        String roadId,
        double s,
        double t,
        boolean dynamic,
        SignalOrientation orientation,
        String country,
        String type,
        String subtype,
        double value,
        String unit,
        List<LaneValidity> validities,
        double x,
        double y,
        double z,
        double trafficHeadingRad) {

    /** What a signal means for driving. */
    public enum Kind {
        TRAFFIC_LIGHT,
        STOP_SIGN,
        YIELD_SIGN,
        SPEED_LIMIT,
        OTHER
    }

    public Signal {
        validities = List.copyOf(validities);
    }

    /**
     * Traffic lights: type 1000001–1000099 (OpenDRIVE / German catalogue) or any other dynamic
     * signal; stop signs: 206 or MUTCD R1-1; yield: 205 or R1-2; speed limit: 274 or R2-1.
     */
    public Kind kind() {
        String ty = type.strip();
        if (ty.length() == 7 && ty.startsWith("10000") && ty.chars().allMatch(Character::isDigit)) {
            return Kind.TRAFFIC_LIGHT;
        }
        return switch (ty) {
            case "206", "R1-1" -> Kind.STOP_SIGN;
            case "205", "R1-2" -> Kind.YIELD_SIGN;
            case "274", "R2-1" -> Kind.SPEED_LIMIT;
            default -> dynamic ? Kind.TRAFFIC_LIGHT : Kind.OTHER;
        };
    }

    public boolean trafficLight() {
        return kind() == Kind.TRAFFIC_LIGHT;
    }

    public boolean stopSign() {
        return kind() == Kind.STOP_SIGN;
    }

    /** Whether it applies to lane {@code laneId} of its own road (see {@link SignalPlacement#appliesTo}). */
    public boolean appliesTo(int laneId) {
        return SignalPlacement.applies(orientation, validities, laneId);
    }
}
