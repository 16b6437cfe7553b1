package dev.drivenotes.dreamer.model;

import dev.drivenotes.model.sim.LeadVehicle;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.TrafficLightAhead;
import dev.drivenotes.model.sim.TrafficLightState;
import dev.drivenotes.model.sim.Waypoint;
import java.util.List;

/**
 * The vector observation the encoder sees (raw units; the encoder applies symlog): speed, speed
 * limit, speed error, yaw rate, the first {@link #WAYPOINTS} route waypoints (ego frame), the next
 * maneuver one-hot, distances to the maneuver and to go (capped at {@link #MAX_DISTANCE_M}), the
 * lead vehicle (present flag, gap, speed) and the traffic light ahead (present flag, state one-hot,
 * distance). Absolute GNSS position and compass are left out: the route waypoints are in the ego
 * frame, so the policy does not depend on where on the map it drives.
 */
public final class ObservationVector {

    public static final int WAYPOINTS = 10;
    static final double MAX_DISTANCE_M = 200;
    private static final int MANEUVERS = Maneuver.values().length;
    private static final int LIGHT_STATES = TrafficLightState.values().length;

    /** Length of the vector. */
    public static final int DIM = 4 + 2 * WAYPOINTS + MANEUVERS + 2 + 3 + 2 + LIGHT_STATES;

    private ObservationVector() {}

    /** Writes the observation's vector into {@code out} from {@code offset}. */
    public static void write(Observation o, float[] out, int offset) {
        int i = offset;
        out[i++] = (float) o.speedMps();
        out[i++] = (float) o.speedLimitMps();
        out[i++] = (float) (o.speedMps() - o.speedLimitMps());
        out[i++] = (float) o.yawRateRadps();
        List<Waypoint> wps = o.routeWaypoints();
        for (int k = 0; k < WAYPOINTS; k++) {
            Waypoint w = wps.isEmpty() ? new Waypoint(0, 0) : wps.get(Math.min(k, wps.size() - 1));
            out[i++] = (float) w.x();
            out[i++] = (float) w.y();
        }
        out[i + o.nextManeuver().ordinal()] = 1f;
        i += MANEUVERS;
        out[i++] = (float) Math.min(o.distanceToManeuverM(), MAX_DISTANCE_M);
        out[i++] = (float) Math.min(o.distanceToGoM(), MAX_DISTANCE_M);
        LeadVehicle lead = o.lead();
        out[i++] = lead == null ? 0f : 1f;
        out[i++] = lead == null ? (float) MAX_DISTANCE_M : (float) Math.min(lead.gapM(), MAX_DISTANCE_M);
        out[i++] = lead == null ? 0f : (float) lead.speedMps();
        TrafficLightAhead light = o.trafficLight();
        out[i++] = light == null ? 0f : 1f;
        out[i++] = light == null ? (float) MAX_DISTANCE_M : (float) Math.min(light.distanceM(), MAX_DISTANCE_M);
        if (light != null) {
            out[i + light.state().ordinal()] = 1f;
        }
    }

    /** The vector of one observation. */
    public static float[] of(Observation o) {
        float[] out = new float[DIM];
        write(o, out, 0);
        return out;
    }
}
