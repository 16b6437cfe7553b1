package dev.drivenotes.model.testing;

import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Pose;
import java.util.List;

/**
 * Test data: a valid {@link GroundTruth} (on lane -1 of road 1, "Main Street", nothing happening)
 * that a test changes only where it matters.
 */
public final class GroundTruthBuilder {

    private Pose pose = new Pose(0, 0, 0);
    private double speedMps = 5;
    private String roadId = "1";
    private int laneId = -1;
    private String junctionId;
    private String place = "Main Street";
    private double routeCompletion;
    private String collisionWith;
    private boolean offRoad;
    private boolean laneInvasion;
    private boolean redLightRun;
    private boolean routeDeviation;
    private boolean stopSignRun;
    private List<Maneuver> junctionExits;

    private GroundTruthBuilder() {}

    public static GroundTruthBuilder truth() {
        return new GroundTruthBuilder();
    }

    public GroundTruthBuilder pose(double x, double y, double yawRad) {
        pose = new Pose(x, y, yawRad);
        return this;
    }

    public GroundTruthBuilder speedMps(double v) {
        speedMps = v;
        return this;
    }

    public GroundTruthBuilder lane(String road, int lane) {
        roadId = road;
        laneId = lane;
        return this;
    }

    /** Inside junction {@code id} (null: outside any junction). */
    public GroundTruthBuilder junction(String id) {
        junctionId = id;
        return this;
    }

    public GroundTruthBuilder place(String v) {
        place = v;
        return this;
    }

    public GroundTruthBuilder routeCompletion(double v) {
        routeCompletion = v;
        return this;
    }

    /** A collision with {@code partner} ({@code vehicle}, {@code pedestrian}, {@code static}) in this step. */
    public GroundTruthBuilder collisionWith(String partner) {
        collisionWith = partner;
        return this;
    }

    public GroundTruthBuilder offRoad() {
        offRoad = true;
        return this;
    }

    public GroundTruthBuilder laneInvasion() {
        laneInvasion = true;
        return this;
    }

    public GroundTruthBuilder redLightRun() {
        redLightRun = true;
        return this;
    }

    public GroundTruthBuilder routeDeviation() {
        routeDeviation = true;
        return this;
    }

    public GroundTruthBuilder stopSignRun() {
        stopSignRun = true;
        return this;
    }

    /** Inside a junction: the maneuvers its lanes allow from where the ego entered. */
    public GroundTruthBuilder junctionExits(Maneuver... v) {
        junctionExits = List.of(v);
        return this;
    }

    public GroundTruth build() {
        return new GroundTruth(
                pose,
                speedMps,
                roadId,
                laneId,
                junctionId,
                place,
                routeCompletion,
                collisionWith != null,
                offRoad,
                laneInvasion,
                collisionWith,
                redLightRun,
                routeDeviation,
                stopSignRun,
                junctionExits);
    }
}
