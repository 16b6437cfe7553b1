package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.TrafficLightAhead;
import dev.drivenotes.model.sim.VehicleSpec;
import java.util.List;

/**
 * A rule-based driver in the spirit of CARLA's BasicAgent: pure pursuit on the route waypoints for
 * steering, a PID on speed towards a planned target speed for the pedals. Deterministic; its only
 * state is each session's PID and its stop at the stop sign ahead ({@link StopSignHold}), reset when
 * an instance says {@code isFirst}.
 *
 * <p>Pure pursuit aims from the rear axle (1.4 m behind the ego-frame origin, the vehicle centre)
 * at the point where the route leaves a circle of radius {@code clamp(2.5 + 0.6 v, 4, 12)} m,
 * and turns the front wheels by {@code atan(2 L sin(alpha) / ld)}. The target speed is the least of
 * the speed limit, the speed that keeps lateral acceleration in the bends ahead at most 2.5 m/s²
 * (braking at 2.5 m/s² before them), the stopping profile {@code sqrt(2 × 2.5 × max(0,
 * distanceToGo − 2))}, the speed that keeps a safe gap to the lead vehicle, the profile that stops
 * before the stop line of a red (or stoppable yellow) light and the one that stops before a stop
 * sign's line, holds there and then goes on.
 */
public final class AutopilotPolicy implements Policy {

    public static final String NAME = "autopilot";

    static final double LOOK_AHEAD_BASE_M = 2.5;
    static final double LOOK_AHEAD_PER_MPS_S = 0.6;
    static final double LOOK_AHEAD_MIN_M = 4;
    static final double LOOK_AHEAD_MAX_M = 12;
    static final double MAX_LATERAL_ACCEL_MPS2 = 2.5;
    static final double COMFORT_DECEL_MPS2 = 2.5;
    /** The stopping profile aims to stand still this far before the end of the route. */
    static final double STOP_MARGIN_M = 2;
    /** The braking feed-forward is gone when the vehicle is this much slower than the profile. */
    static final double FEED_FORWARD_FADE_MPS = 1;
    /** Below this target and speed the vehicle is held with full brake. */
    static final double STANDSTILL_MPS = 0.3;
    /** Bumper gap kept to a stopped lead vehicle. */
    static final double LEAD_STANDSTILL_GAP_M = 4;
    /** Time gap kept to a moving lead vehicle. */
    static final double LEAD_TIME_GAP_S = 1.0;
    /** The front bumper stops this far before a stop line. */
    static final double STOP_LINE_MARGIN_M = 1.0;
    /** A yellow light is obeyed when the stop line can be reached braking at most this hard. */
    static final double YELLOW_STOP_DECEL_MPS2 = 3.5;

    /** The vehicle driven: its geometry for pure pursuit, its pedals for the speed command. */
    static final VehicleSpec VEHICLE = VehicleSpec.EGO;

    private final double stepSeconds;
    private final SessionCache<Session> sessions;

    /** What the autopilot keeps per session. */
    private record Session(SpeedPid pid, StopSignHold stopSign) {
        Session() {
            this(new SpeedPid(), new StopSignHold());
        }
    }

    /**
     * @param stepSeconds the control period the PID assumes (the simulator's fixed step)
     * @param sessions how many sessions' state (PID, stop-sign stop) is kept, and for how long
     */
    public AutopilotPolicy(double stepSeconds, SessionLimits sessions) {
        if (!(stepSeconds > 0 && stepSeconds <= 1)) {
            throw new IllegalArgumentException("stepSeconds must be in (0, 1] (was " + stepSeconds + ")");
        }
        this.stepSeconds = stepSeconds;
        this.sessions = new SessionCache<>(sessions);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Decision> decide(List<PredictInstance> batch) {
        return batch.stream().map(this::decide).toList();
    }

    private Decision decide(PredictInstance instance) {
        Observation o = instance.observation();
        EgoPath path = new EgoPath(o.routeWaypoints());
        double steer = steer(path, o.speedMps());
        Session session = sessions.step(instance.sessionId(), instance.isFirst(), Session::new);
        SpeedPid pid = session.pid();
        Control control;
        synchronized (session) {
            double targetMps = Math.min(
                    targetSpeedMps(o, path), session.stopSign().limitMps(o.stopSign(), o.speedMps(), stepSeconds));
            boolean braking = targetMps < o.speedLimitMps();
            if (targetMps < STANDSTILL_MPS && o.speedMps() < STANDSTILL_MPS) {
                pid.holdStill(o.speedMps());
                control = Control.clamped(steer, 0, 1);
            } else {
                double accelMps2 = pid.accelerationMps2(targetMps, o.speedMps(), stepSeconds)
                        + feedForwardMps2(targetMps, o.speedMps(), braking);
                control = VEHICLE.controlFor(steer, accelMps2, o.speedMps());
            }
        }
        return Declaration.fromPlan(o, control, path, null);
    }

    /** Pure-pursuit steer command; straight ahead when there is no route left. */
    static double steer(EgoPath path, double speedMps) {
        if (path.isEmpty()) {
            return 0;
        }
        double lookAheadM = lookAheadM(speedMps);
        double rearX = -VEHICLE.centreAheadOfRearAxleM();
        var target = path.lookAheadPoint(rearX, lookAheadM);
        double dx = target.x() - rearX;
        double dy = target.y();
        double distanceM = Math.hypot(dx, dy);
        if (distanceM < 1e-6 || dx <= 0) {
            return 0;
        }
        double alphaRad = Math.atan2(dy, dx);
        double wheelAngleRad = Math.atan(2 * VEHICLE.wheelbaseM() * Math.sin(alphaRad) / distanceM);
        return VEHICLE.steerFor(wheelAngleRad);
    }

    static double lookAheadM(double speedMps) {
        return Math.clamp(LOOK_AHEAD_BASE_M + LOOK_AHEAD_PER_MPS_S * speedMps, LOOK_AHEAD_MIN_M, LOOK_AHEAD_MAX_M);
    }

    /**
     * Both braking profiles (before a bend, before the goal) lower the target at {@link
     * #COMFORT_DECEL_MPS2} along the way: feeding that deceleration forward lets the PID track them
     * without lagging behind (and stopping past the goal). It fades out when the vehicle is
     * already {@link #FEED_FORWARD_FADE_MPS} below the profile.
     */
    static double feedForwardMps2(double targetMps, double speedMps, boolean braking) {
        if (!braking) {
            return 0;
        }
        double belowMps = targetMps - speedMps;
        return -COMFORT_DECEL_MPS2 * Math.clamp(1 - belowMps / FEED_FORWARD_FADE_MPS, 0, 1);
    }

    /**
     * min(speed limit, curvature-limited speed, stopping profile, lead vehicle, traffic light); the
     * stop sign, which needs the session's memory, comes on top ({@link StopSignHold}).
     */
    static double targetSpeedMps(Observation o, EgoPath path) {
        double curveMps = path.curvatureLimitedSpeedMps(MAX_LATERAL_ACCEL_MPS2, COMFORT_DECEL_MPS2);
        double stopMps = Math.sqrt(2 * COMFORT_DECEL_MPS2 * Math.max(0, o.distanceToGoM() - STOP_MARGIN_M));
        double trafficMps = Math.min(leadLimitedSpeedMps(o), lightLimitedSpeedMps(o));
        return Math.min(Math.min(o.speedLimitMps(), trafficMps), Math.min(curveMps, stopMps));
    }

    /**
     * The speed from which the vehicle can still brake at {@link #COMFORT_DECEL_MPS2} down to the
     * lead's speed within the gap beyond {@link #LEAD_STANDSTILL_GAP_M} + {@link #LEAD_TIME_GAP_S}
     * × speed: {@code sqrt(max(0, vLead² + 2 b room))} (room may be negative: then slower than the
     * lead, down to 0). Infinite without a lead.
     */
    static double leadLimitedSpeedMps(Observation o) {
        if (o.lead() == null) {
            return Double.POSITIVE_INFINITY;
        }
        double roomM = o.lead().gapM() - LEAD_STANDSTILL_GAP_M - LEAD_TIME_GAP_S * o.speedMps();
        double leadMps = o.lead().speedMps();
        return Math.sqrt(Math.max(0, leadMps * leadMps + 2 * COMFORT_DECEL_MPS2 * roomM));
    }

    /**
     * Stops the front bumper {@link #STOP_LINE_MARGIN_M} before the stop line of a red light, and of a
     * yellow one when the front bumper can stop before the line braking at {@link
     * #YELLOW_STOP_DECEL_MPS2} (a stable decision: the stopping profile brakes more gently); ignores a light
     * whose stop line the front bumper has already passed. Infinite when nothing must be stopped for.
     */
    static double lightLimitedSpeedMps(Observation o) {
        TrafficLightAhead light = o.trafficLight();
        if (light == null) {
            return Double.POSITIVE_INFINITY;
        }
        double frontToLineM = light.distanceM() - VEHICLE.halfLengthM();
        double stopRoomM = frontToLineM - STOP_LINE_MARGIN_M;
        boolean stop = switch (light.state()) {
            case RED -> frontToLineM >= 0;
            case YELLOW -> frontToLineM >= o.speedMps() * o.speedMps() / (2 * YELLOW_STOP_DECEL_MPS2);
            case GREEN, OFF -> false;
        };
        return stop ? Math.sqrt(2 * COMFORT_DECEL_MPS2 * Math.max(0, stopRoomM)) : Double.POSITIVE_INFINITY;
    }
}
