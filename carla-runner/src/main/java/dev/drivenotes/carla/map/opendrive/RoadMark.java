package dev.drivenotes.carla.map.opendrive;

import java.util.List;
import java.util.Locale;

/**
 * One road-mark record of a lane: it describes the lane's OUTER border (for the centre lane, the
 * line between lanes 1 and -1) from {@code sOffset} (metres from the lane section start) on.
 *
 * @param laneChange the explicit {@code laneChange} attribute, or null when the file has none (then
 *     the mark type decides)
 */
public record RoadMark(double sOffset, Type type, String color, double widthM, LaneChange laneChange) {

    /** OpenDRIVE road-mark types. */
    public enum Type {
        NONE,
        SOLID,
        BROKEN,
        SOLID_SOLID,
        SOLID_BROKEN,
        BROKEN_SOLID,
        BROKEN_BROKEN,
        BOTTS_DOTS,
        GRASS,
        CURB,
        CUSTOM,
        EDGE;

        /** Parses an OpenDRIVE type attribute ("solid broken", "botts dots", ...); unknown values are CUSTOM. */
        public static Type parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none", "" -> NONE;
                case "solid" -> SOLID;
                case "broken" -> BROKEN;
                case "solid solid" -> SOLID_SOLID;
                case "solid broken" -> SOLID_BROKEN;
                case "broken solid" -> BROKEN_SOLID;
                case "broken broken" -> BROKEN_BROKEN;
                case "botts dots" -> BOTTS_DOTS;
                case "grass" -> GRASS;
                case "curb" -> CURB;
                case "edge" -> EDGE;
                default -> CUSTOM;
            };
        }
    }

    /** The explicit {@code laneChange} attribute: which way a vehicle may cross (lane ids grow right to left). */
    public enum LaneChange {
        INCREASE,
        DECREASE,
        BOTH,
        NONE;

        /** Parses the attribute; null for a missing or unknown value. */
        public static LaneChange parse(String value) {
            if (value == null) {
                return null;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "increase" -> INCREASE;
                case "decrease" -> DECREASE;
                case "both" -> BOTH;
                case "none" -> NONE;
                default -> null;
            };
        }
    }

    /** What a lane without road-mark records has: no line at all. */
    public static final RoadMark ABSENT = new RoadMark(0, Type.NONE, "standard", 0, null);

    public RoadMark {
        if (color == null) {
            color = "standard";
        }
    }

    /**
     * Whether a vehicle may cross this mark moving towards increasing lane ids ({@code increasing})
     * or decreasing ones. The {@code laneChange} attribute wins when present. Otherwise: no line,
     * broken lines and botts dots may be crossed; solid lines, curbs, grass and edges may not; in a
     * double line the first named line is the one on the lower-id side (spec: ids grow right to
     * left), so "solid broken" can be crossed only from the higher-id side, i.e. towards
     * decreasing ids.
     */
    public boolean allowsCrossing(boolean increasing) {
        if (laneChange != null) {
            return switch (laneChange) {
                case BOTH -> true;
                case NONE -> false;
                case INCREASE -> increasing;
                case DECREASE -> !increasing;
            };
        }
        return switch (type) {
            case NONE, BROKEN, BROKEN_BROKEN, BOTTS_DOTS -> true;
            case SOLID_BROKEN -> !increasing;
            case BROKEN_SOLID -> increasing;
            default -> false;
        };
    }

    /** Whether this mark forbids crossing in both directions (what a lane-invasion sensor reports). */
    public boolean solid() {
        return !allowsCrossing(true) && !allowsCrossing(false);
    }

    /** The record in force at {@code ds} metres into the lane section, or {@link #ABSENT}. */
    public static RoadMark at(List<RoadMark> marks, double ds) {
        RoadMark active = ABSENT;
        for (RoadMark m : marks) {
            if (m.sOffset() > ds + 1e-9) {
                break;
            }
            active = m;
        }
        return active;
    }
}
