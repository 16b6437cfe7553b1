package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import java.util.List;

/**
 * A rule-based driver in the spirit of CARLA's BasicAgent: pure pursuit on the route waypoints for
 * steering, a PID on speed towards a planned target speed for the pedals. Deterministic; its only
 * state is each session's PID, reset when an instance says {@code isFirst}.
 *
 * <p>Pure pursuit aims from the rear axle (1.4 m behind the ego-frame origin, the vehicle centre)
 * at the point where the route leaves a circle of radius {@code clamp(2.5 + 0.6 v, 4, 12)} m,
 * and turns the front wheels by {@code atan(2 L sin(alpha) / ld)}. The target speed is the least of
 * the speed limit, the speed that keeps lateral acceleration in the bends ahead at most 2.5 m/s²
 * (braking at 2.5 m/s² before them) and the stopping profile {@code sqrt(2 × 2.5 × max(0,
 * distanceToGo − 2))}.
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

    private final double stepSeconds;
    private final SessionCache<SpeedPid> sessions;

    /**
     * @param stepSeconds the control period the PID assumes (the simulator's fixed step)
     * @param maxSessions sessions whose PID state is kept at once (least recently used forgotten)
     */
    public AutopilotPolicy(double stepSeconds, int maxSessions) {
        if (!(stepSeconds > 0 && stepSeconds <= 1)) {
            throw new IllegalArgumentException("stepSeconds must be in (0, 1] (was " + stepSeconds + ")");
        }
        this.stepSeconds = stepSeconds;
        this.sessions = new SessionCache<>(maxSessions);
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
        double targetMps = targetSpeedMps(o, path);
        boolean braking = targetMps < o.speedLimitMps();
        SpeedPid pid = sessions.state(instance.sessionId(), instance.isFirst(), SpeedPid::new);
        Control control;
        synchronized (pid) {
            if (targetMps < STANDSTILL_MPS && o.speedMps() < STANDSTILL_MPS) {
                pid.holdStill(o.speedMps());
                control = Control.clamped(steer, 0, 1);
            } else {
                double accelMps2 = pid.accelerationMps2(targetMps, o.speedMps(), stepSeconds)
                        + feedForwardMps2(targetMps, o.speedMps(), braking);
                control = EgoVehicle.pedalsFor(steer, accelMps2, o.speedMps());
            }
        }
        Maneuver maneuver = AutopilotDeclaration.declare(o);
        double confidence = AutopilotDeclaration.confidence(o, maneuver, path);
        return new Decision(control, maneuver, confidence, o.nextPoi());
    }

    /** Pure-pursuit steer command; straight ahead when there is no route left. */
    static double steer(EgoPath path, double speedMps) {
        if (path.isEmpty()) {
            return 0;
        }
        double lookAheadM = lookAheadM(speedMps);
        double rearX = -EgoVehicle.REAR_AXLE_TO_CENTRE_M;
        var target = path.lookAheadPoint(rearX, lookAheadM);
        double dx = target.x() - rearX;
        double dy = target.y();
        double distanceM = Math.hypot(dx, dy);
        if (distanceM < 1e-6 || dx <= 0) {
            return 0;
        }
        double alphaRad = Math.atan2(dy, dx);
        double wheelAngleRad = Math.atan(2 * EgoVehicle.WHEELBASE_M * Math.sin(alphaRad) / distanceM);
        return EgoVehicle.steerFor(wheelAngleRad);
    }

    static double lookAheadM(double speedMps) {
        return EgoVehicle.clamp(
                LOOK_AHEAD_BASE_M + LOOK_AHEAD_PER_MPS_S * speedMps, LOOK_AHEAD_MIN_M, LOOK_AHEAD_MAX_M);
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
        return -COMFORT_DECEL_MPS2 * EgoVehicle.clamp(1 - belowMps / FEED_FORWARD_FADE_MPS, 0, 1);
    }

    /** min(speed limit, curvature-limited speed, stopping profile). */
    static double targetSpeedMps(Observation o, EgoPath path) {
        double curveMps = path.curvatureLimitedSpeedMps(MAX_LATERAL_ACCEL_MPS2, COMFORT_DECEL_MPS2);
        double stopMps = Math.sqrt(2 * COMFORT_DECEL_MPS2 * Math.max(0, o.distanceToGoM() - STOP_MARGIN_M));
        return Math.min(o.speedLimitMps(), Math.min(curveMps, stopMps));
    }
}
