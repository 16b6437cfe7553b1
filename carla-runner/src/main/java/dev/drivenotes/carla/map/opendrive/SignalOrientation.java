package dev.drivenotes.carla.map.opendrive;

/** Which traffic a signal or signal reference is for: along increasing s, decreasing s, or both. */
public enum SignalOrientation {
    PLUS,
    MINUS,
    BOTH;

    public static SignalOrientation parse(String value) {
        if (value == null) {
            return BOTH;
        }
        return switch (value.strip()) {
            case "+" -> PLUS;
            case "-" -> MINUS;
            default -> BOTH;
        };
    }

    /** Whether traffic in lane {@code laneId} (right lanes drive along +s, left lanes along -s) faces it. */
    public boolean facesLane(int laneId) {
        return switch (this) {
            case PLUS -> laneId < 0;
            case MINUS -> laneId > 0;
            case BOTH -> laneId != 0;
        };
    }
}
