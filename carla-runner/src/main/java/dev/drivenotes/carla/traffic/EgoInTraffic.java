package dev.drivenotes.carla.traffic;

/**
 * What background traffic knows about the ego at one step: its pose and speed, the lane it is
 * matched to and the junction lane it is about to enter (NPCs yield to both). Mutable, reused.
 */
public final class EgoInTraffic {

    int lane = -1;
    double alongM;
    double x;
    double y;
    double yawRad;
    double speedMps;
    int approachLane = -1;

    /**
     * @param lane matched lane, -1 when off every lane
     * @param approachLane the junction lane the ego will enter next when it is close and not held by
     *     a red light, else -1
     */
    public void set(int lane, double alongM, double x, double y, double yawRad, double speedMps, int approachLane) {
        this.lane = lane;
        this.alongM = alongM;
        this.x = x;
        this.y = y;
        this.yawRad = yawRad;
        this.speedMps = speedMps;
        this.approachLane = approachLane;
    }
}
