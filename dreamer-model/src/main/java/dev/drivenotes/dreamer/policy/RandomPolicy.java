package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A baseline that knows nothing but drives: uniformly random steer (−1..1), throttle and brake
 * (0..1), except below a speed floor ({@link #SPEED_FLOOR_MPS}), where it draws throttle from
 * {@link #FLOOR_THROTTLE_MIN}..1 and does not brake, so it keeps moving and passes junctions and POIs
 * (drawn steer changes faster than the wheels can follow, so it averages out near straight ahead); a
 * maneuver from its plan ({@link Declaration#maneuver}: it has no account of its own, so it narrates
 * what its route says, which is wrong wherever its random driving left the route) and a uniformly
 * random confidence; it names the observation's next POI as its target. Each session draws from its own generator, seeded from the policy seed
 * and the session id and reset when an instance says {@code isFirst}, so a session's sequence of
 * decisions is reproducible whatever other sessions share its batches.
 */
public final class RandomPolicy implements Policy {

    public static final String NAME = "random";

    /** Below this speed the baseline only accelerates (random throttle, no brake). */
    static final double SPEED_FLOOR_MPS = 3;
    /** The least throttle drawn below the speed floor. */
    static final double FLOOR_THROTTLE_MIN = 0.5;

    private final long seed;
    private final SessionCache<SplittableRandom> sessions;

    /**
     * @param seed the policy seed each session's generator derives from
     * @param sessions how many sessions' generators are kept, and for how long
     */
    public RandomPolicy(long seed, SessionLimits sessions) {
        this.seed = seed;
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
        SplittableRandom random = sessions.step(
                instance.sessionId(),
                instance.isFirst(),
                () -> new SplittableRandom(sessionSeed(instance.sessionId())));
        synchronized (random) {
            double steer = random.nextDouble(-1, 1);
            double throttle = random.nextDouble();
            double brake = random.nextDouble();
            Control control = instance.observation().speedMps() < SPEED_FLOOR_MPS
                    ? new Control(steer, FLOOR_THROTTLE_MIN + (1 - FLOOR_THROTTLE_MIN) * throttle, 0)
                    : new Control(steer, throttle, brake);
            double confidence = random.nextDouble();
            Maneuver maneuver = Declaration.maneuver(instance.observation(), false);
            return Declaration.decision(instance.observation(), control, maneuver, confidence, null);
        }
    }

    /** 64-bit FNV-1a of the session id's UTF-8 bytes, mixed with the policy seed: stable across JVMs. */
    long sessionSeed(String sessionId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : sessionId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash ^ (seed * 0x9E3779B97F4A7C15L);
    }
}
