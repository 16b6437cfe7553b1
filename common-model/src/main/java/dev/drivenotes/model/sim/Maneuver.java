package dev.drivenotes.model.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.drivenotes.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A driving maneuver, as declared by an agent or classified from a trajectory. */
public enum Maneuver {
    FOLLOW_LANE,
    TURN_LEFT,
    TURN_RIGHT,
    GO_STRAIGHT,
    CHANGE_LANE_LEFT,
    CHANGE_LANE_RIGHT,
    STOP;

    /** Whether this is how a vehicle crosses a junction: turn left, turn right or go straight. */
    public boolean atJunction() {
        return this == TURN_LEFT || this == TURN_RIGHT || this == GO_STRAIGHT;
    }

    /** Heading change beyond which a junction traversal counts as a turn (45 degrees). */
    public static final double TURN_THRESHOLD_RAD = Math.PI / 4;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Maneuver fromLabel(String label) {
        if (label == null) {
            throw new InvalidInputException("maneuver", "is required");
        }
        for (Maneuver m : values()) {
            if (m.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException(
                "maneuver",
                "unknown maneuver '" + label + "'; expected one of "
                        + Arrays.stream(values()).map(Maneuver::label).collect(Collectors.joining(", ")));
    }

    /**
     * Classifies a junction traversal from its signed heading change (counter-clockwise positive,
     * as in OpenDRIVE's inertial frame).
     */
    public static Maneuver fromHeadingChange(double headingChangeRad) {
        double d = normalizeAngle(headingChangeRad);
        if (d > TURN_THRESHOLD_RAD) {
            return TURN_LEFT;
        }
        if (d < -TURN_THRESHOLD_RAD) {
            return TURN_RIGHT;
        }
        return GO_STRAIGHT;
    }

    /** Wraps an angle into (-pi, pi]. */
    public static double normalizeAngle(double rad) {
        double a = rad % (2 * Math.PI);
        if (a <= -Math.PI) {
            a += 2 * Math.PI;
        } else if (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        return a;
    }
}
