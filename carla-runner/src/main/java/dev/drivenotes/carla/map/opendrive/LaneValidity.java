package dev.drivenotes.carla.map.opendrive;

/** A signal's {@code <validity fromLane toLane>}: the lane ids (inclusive, either order) it applies to. */
public record LaneValidity(int fromLane, int toLane) {

    public boolean covers(int laneId) {
        return laneId >= Math.min(fromLane, toLane) && laneId <= Math.max(fromLane, toLane);
    }

    /** A validity naming only the centre lane (RoadRunner writes 0..0): says nothing about driving lanes. */
    public boolean centreOnly() {
        return fromLane == 0 && toLane == 0;
    }
}
