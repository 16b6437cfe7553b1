package dev.drivenotes.carla.sim.embedded;

import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.carla.sensor.TrafficAhead;
import dev.drivenotes.carla.traffic.OrientedBox;
import dev.drivenotes.carla.traffic.StopLines;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.carla.vehicle.KinematicBicycle;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.VehicleSpec;

/**
 * Ground-truth traffic events of the ego, detected once per step without allocation.
 *
 * <ul>
 *   <li>Collision with a vehicle: the ego's box ({@link KinematicBicycle#LENGTH_M} × {@link
 *       KinematicBicycle#WIDTH_M}) overlaps an NPC's box; reported on the step a contact starts.
 *   <li>Collision with a static object: the ego's centre is more than {@link #STATIC_OUTSIDE_M}
 *       outside every driving lane — past the kerb and sidewalk where CARLA's maps have poles,
 *       walls and buildings; reported when it starts. (The episode normally ends OFF_ROAD at 1 m
 *       first, so this fires only for a vehicle that jumps the kerb within one step.)
 *   <li>Red-light run: the ego's front bumper crosses the stop line (junction entry) of its route
 *       while that entry's light is red.
 *   <li>Stop-sign run: the ego's front bumper crosses a stop sign's stop line of its route without
 *       the ego having stood (below {@link StopLines#STOPPED_MPS}) with its front bumper within
 *       {@link StopLines#STOP_ZONE_M} before that line. This is the CARLA leaderboard's {@code
 *       RunningStopTest} (a vehicle must come below 0.1 m/s while it is in the stop's trigger area,
 *       found from the vehicle and 4 m of waypoints ahead of it), measured along the route; each
 *       line counts at most once.
 *   <li>Route deviation: the ego is more than {@link #DEVIATION_M} from its planned route for
 *       longer than {@link #DEVIATION_S}.
 * </ul>
 *
 * Collisions do not end the episode: like the CARLA leaderboard, driving goes on and each
 * collision costs its penalty in the driving score.
 */
final class EgoEvents {

    static final double STATIC_OUTSIDE_M = 2.5;
    static final double DEVIATION_M = 2.0;
    static final double DEVIATION_S = 1.0;

    private final Route route;
    private final TrafficAhead ahead;
    private final boolean[] contact;
    private final double[] point = new double[3];
    private boolean staticContact;
    private double previousFrontM = Double.NaN;
    private double deviatedS;

    private final boolean[] stoodAtStopLine;
    private final boolean[] crossedStopLine;

    private String collisionWith;
    private boolean redLightRun;
    private boolean stopSignRun;
    private boolean routeDeviation;

    EgoEvents(Route route, TrafficAhead ahead, int npcCount) {
        this.route = route;
        this.ahead = ahead;
        this.contact = new boolean[npcCount];
        this.stoodAtStopLine = new boolean[ahead.stopLineCount()];
        this.crossedStopLine = new boolean[ahead.stopLineCount()];
    }

    void update(
            KinematicBicycle ego,
            double outsideLaneM,
            double progressM,
            TrafficFleet fleet,
            TrafficLights lights,
            double timeS,
            double dtS) {
        double x = ego.centreX();
        double y = ego.centreY();
        collisionWith = null;
        for (int i = 0; i < fleet.count(); i++) {
            boolean touching = fleet.active(i)
                    && OrientedBox.overlap(
                            x,
                            y,
                            ego.yawRad(),
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
        double frontM = progressM + VehicleSpec.EGO.halfLengthM();
        redLightRun = false;
        if (!Double.isNaN(previousFrontM)) {
            for (int k = 0; k < route.junctions().size(); k++) {
                double lineM = ahead.entryM(k);
                if (previousFrontM < lineM
                        && lineM <= frontM
                        && lights.state(ahead.entryLane(k), timeS) == TrafficLightState.RED) {
                    redLightRun = true;
                }
            }
        }
        stopSigns(frontM, ego.speedMps());
        previousFrontM = frontM;
        route.polyline().pointAt(progressM, point);
        deviatedS = Math.hypot(point[0] - x, point[1] - y) > DEVIATION_M ? deviatedS + dtS : 0;
        routeDeviation = deviatedS > DEVIATION_S;
    }

    private void stopSigns(double frontM, double speedMps) {
        stopSignRun = false;
        for (int k = 0; k < crossedStopLine.length; k++) {
            double lineM = ahead.stopLineM(k);
            if (speedMps < StopLines.STOPPED_MPS && frontM <= lineM && lineM - frontM <= StopLines.STOP_ZONE_M) {
                stoodAtStopLine[k] = true;
            }
            if (!Double.isNaN(previousFrontM) && !crossedStopLine[k] && previousFrontM < lineM && lineM <= frontM) {
                crossedStopLine[k] = true;
                stopSignRun |= !stoodAtStopLine[k];
            }
        }
    }

    String collisionWith() {
        return collisionWith;
    }

    boolean redLightRun() {
        return redLightRun;
    }

    boolean stopSignRun() {
        return stopSignRun;
    }

    boolean routeDeviation() {
        return routeDeviation;
    }
}
