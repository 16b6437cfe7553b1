package dev.drivenotes.carla.episode;

import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.carla.sensor.TrafficAhead;
import dev.drivenotes.carla.traffic.StopLines;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.VehicleSpec;

/**
 * Ground-truth traffic events of the ego along its route, detected once per step without
 * allocation (collisions are the backend's: box overlap in the embedded simulator, CARLA's collision
 * sensor in the CARLA backend).
 *
 * <ul>
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
 */
final class EgoEvents {

    static final double DEVIATION_M = 2.0;
    static final double DEVIATION_S = 1.0;

    private final Route route;
    private final TrafficAhead ahead;
    private final double[] point = new double[3];
    private double previousFrontM = Double.NaN;
    private double deviatedS;

    private final boolean[] stoodAtStopLine;
    private final boolean[] crossedStopLine;

    private boolean redLightRun;
    private boolean stopSignRun;
    private boolean routeDeviation;

    EgoEvents(Route route, TrafficAhead ahead) {
        this.route = route;
        this.ahead = ahead;
        this.stoodAtStopLine = new boolean[ahead.stopLineCount()];
        this.crossedStopLine = new boolean[ahead.stopLineCount()];
    }

    /** The ego's centre at ({@code x}, {@code y}) after a step of {@code dtS} that ends at {@code timeS}. */
    void update(double x, double y, double speedMps, double progressM, TrafficLights lights, double timeS, double dtS) {
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
        stopSigns(frontM, speedMps);
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
