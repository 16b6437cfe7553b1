package dev.drivenotes.carla.sensor;

import dev.drivenotes.carla.map.geometry.Polyline;
import dev.drivenotes.carla.map.lanes.LaneGraph;
import dev.drivenotes.carla.map.routing.Route;
import dev.drivenotes.carla.traffic.StopLines;
import dev.drivenotes.carla.traffic.TrafficFleet;
import dev.drivenotes.carla.traffic.TrafficLights;
import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.StopSignAhead;
import dev.drivenotes.model.sim.TrafficLightAhead;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.VehicleSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The traffic sensors along the ego's planned route: the lead vehicle (nearest vehicle whose box
 * reaches into the ego's corridor on the route ahead, whatever lane it is on, so crossing traffic
 * counts), the next traffic light and the next stop sign. Distances to a stop line are measured
 * from the ego centre's route progress: to the junction entry for a light, to the stop line of the
 * sign ({@link StopLines}) for a stop sign.
 */
public final class TrafficAhead {

    public static final double LEAD_RANGE_M = 50;
    public static final double LIGHT_RANGE_M = 60;
    static final double EGO_HALF_LENGTH_M = VehicleSpec.EGO.halfLengthM();
    static final double EGO_HALF_WIDTH_M = VehicleSpec.EGO.widthM() / 2;
    /** Lateral clearance beyond both half widths under which a vehicle is in the ego's corridor. */
    static final double CORRIDOR_MARGIN_M = 0.4;

    private final Route route;
    private final double[] entryM;
    private final int[] entryLane;
    private final double[] stopLineM;
    private final double[] point = new double[3];
    private final double[] box = new double[4];

    /** @param stopLines the stop lines of the map the route is planned on */
    public TrafficAhead(Route route, LaneGraph graph, StopLines stopLines) {
        this.route = route;
        List<Route.JunctionTraversal> traversals = route.junctions();
        this.entryM = new double[traversals.size()];
        this.entryLane = new int[traversals.size()];
        for (int k = 0; k < traversals.size(); k++) {
            entryM[k] = traversals.get(k).entryM();
        }
        int[] nodes = route.nodes();
        String previous = null;
        int k = 0;
        for (int n : nodes) {
            String j = graph.node(n).junctionId();
            if (j != null && !j.equals(previous) && k < entryLane.length) {
                entryLane[k++] = n;
            }
            previous = j;
        }
        this.stopLineM = stopLinesOnRoute(route, stopLines);
    }

    /** The route distances of the stop lines on the route, ascending; lines less than 0.5 m apart are one. */
    private static double[] stopLinesOnRoute(Route route, StopLines stopLines) {
        int[] nodes = route.nodes();
        double[] found = new double[0];
        double last = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nodes.length; k++) {
            for (double along : stopLines.alongM(nodes[k])) {
                double m = route.nodeStartM(k) + along;
                if (m >= 0 && m <= route.lengthM() && m - last >= 0.5) {
                    found = Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = m;
                    last = m;
                }
            }
        }
        return found;
    }

    /** Index of the first junction traversal whose entry is at or after {@code progressM}, or -1. */
    public int nextEntry(double progressM) {
        for (int k = 0; k < entryM.length; k++) {
            if (entryM[k] >= progressM) {
                return k;
            }
        }
        return -1;
    }

    /** Index of the traversal holding {@code progressM}, or -1 when not inside one. */
    public int insideEntry(double progressM) {
        List<Route.JunctionTraversal> traversals = route.junctions();
        for (int k = 0; k < entryM.length; k++) {
            if (entryM[k] <= progressM && progressM < traversals.get(k).exitM()) {
                return k;
            }
        }
        return -1;
    }

    public double entryM(int k) {
        return entryM[k];
    }

    public int entryLane(int k) {
        return entryLane[k];
    }

    /** The next signalised junction entry within {@link #LIGHT_RANGE_M}, or null. */
    public TrafficLightAhead trafficLight(double progressM, TrafficLights lights, double timeS) {
        for (int k = Math.max(0, nextEntry(progressM)); k < entryM.length && nextEntry(progressM) >= 0; k++) {
            double distanceM = entryM[k] - progressM;
            if (distanceM > LIGHT_RANGE_M) {
                return null;
            }
            TrafficLightState state = lights.state(entryLane[k], timeS);
            if (state != TrafficLightState.OFF) {
                return new TrafficLightAhead(state, Math.max(0, distanceM));
            }
        }
        return null;
    }

    /** The next stop line of a stop sign on the route at or after {@code progressM} within {@link #LIGHT_RANGE_M}, or null. */
    public StopSignAhead stopSign(double progressM) {
        for (double lineM : stopLineM) {
            if (lineM >= progressM) {
                return lineM - progressM <= LIGHT_RANGE_M ? new StopSignAhead(lineM - progressM) : null;
            }
        }
        return null;
    }

    /** Number of stop lines of stop signs on the route. */
    public int stopLineCount() {
        return stopLineM.length;
    }

    /** Route distance of stop line k (ascending in k). */
    public double stopLineM(int k) {
        return stopLineM[k];
    }

    /**
     * Bounding box (min x, max x, min y, max y) of the route between the two distances, widened by
     * the largest reach of a vehicle that can still touch the corridor: a cheap filter before
     * projecting a vehicle onto the route.
     */
    private void corridorBox(double fromM, double toM) {
        double margin = EGO_HALF_WIDTH_M + CORRIDOR_MARGIN_M + TrafficFleet.LENGTH_M / 2 + 0.5;
        box[0] = Double.POSITIVE_INFINITY;
        box[1] = Double.NEGATIVE_INFINITY;
        box[2] = Double.POSITIVE_INFINITY;
        box[3] = Double.NEGATIVE_INFINITY;
        Polyline path = route.polyline();
        int last = path.pointCount() - 1;
        for (int v = path.segmentAt(fromM); v <= last; v++) {
            box[0] = Math.min(box[0], path.x(v) - margin);
            box[1] = Math.max(box[1], path.x(v) + margin);
            box[2] = Math.min(box[2], path.y(v) - margin);
            box[3] = Math.max(box[3], path.y(v) + margin);
            if (path.cumM(v) > toM) {
                break;
            }
        }
    }

    /** The nearest vehicle in the ego's corridor ahead within {@link #LEAD_RANGE_M}, or null. */
    public LeadVehicle lead(double progressM, double egoX, double egoY, double egoYawRad, TrafficFleet fleet) {
        double cosYaw = Math.cos(egoYawRad);
        double sinYaw = Math.sin(egoYawRad);
        double bestGapM = Double.POSITIVE_INFINITY;
        double bestSpeedMps = 0;
        double reachM = LEAD_RANGE_M + 8;
        corridorBox(Math.max(0, progressM - 3), progressM + reachM);
        for (int i = 0; i < fleet.count(); i++) {
            if (!fleet.active(i)) {
                continue;
            }
            double dx = fleet.x(i) - egoX;
            double dy = fleet.y(i) - egoY;
            if (dx * dx + dy * dy > reachM * reachM
                    || dx * cosYaw + dy * sinYaw < -EGO_HALF_LENGTH_M
                    || fleet.x(i) < box[0]
                    || fleet.x(i) > box[1]
                    || fleet.y(i) < box[2]
                    || fleet.y(i) > box[3]) {
                continue;
            }
            double alongM = route.polyline().project(fleet.x(i), fleet.y(i), Math.max(0, progressM - 3), reachM);
            double aheadM = alongM - progressM;
            if (aheadM <= 0) {
                continue;
            }
            route.polyline().pointAt(alongM, point);
            double lateralM = Math.abs(
                    -(fleet.x(i) - point[0]) * Math.sin(point[2]) + (fleet.y(i) - point[1]) * Math.cos(point[2]));
            double dPsi = fleet.yawRad(i) - point[2];
            double across = TrafficFleet.LENGTH_M / 2 * Math.abs(Math.sin(dPsi))
                    + TrafficFleet.WIDTH_M / 2 * Math.abs(Math.cos(dPsi));
            if (lateralM - across > EGO_HALF_WIDTH_M + CORRIDOR_MARGIN_M) {
                continue;
            }
            double along = TrafficFleet.LENGTH_M / 2 * Math.abs(Math.cos(dPsi))
                    + TrafficFleet.WIDTH_M / 2 * Math.abs(Math.sin(dPsi));
            double gapM = aheadM - EGO_HALF_LENGTH_M - along;
            if (gapM < bestGapM) {
                bestGapM = gapM;
                bestSpeedMps = Math.max(0, fleet.speedMps(i) * Math.cos(dPsi));
            }
        }
        return bestGapM <= LEAD_RANGE_M ? new LeadVehicle(Math.max(0, bestGapM), bestSpeedMps) : null;
    }
}
