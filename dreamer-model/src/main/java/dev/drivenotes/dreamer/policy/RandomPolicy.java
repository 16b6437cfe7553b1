package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Waypoint;
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
 * random confidence; it names the observation's next POI as its target. Each session draws from its
 * own generator, seeded from the policy seed and the session's first observation (where the episode
 * starts: its GNSS fix, heading, speed, plan and speed limit; the same for the same episode seed and
 * conditions) and reset when an instance says {@code isFirst}, so a session's sequence of decisions is
 * reproducible whatever other sessions share its batches, and the same in every experiment that drives
 * the same episode (the session id, which names the experiment, takes no part). A session first seen
 * without {@code isFirst} (this server did not serve its start) seeds from the observation it is first
 * seen with.
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
                () -> new SplittableRandom(sessionSeed(instance.observation())));
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

    /**
     * 64-bit FNV-1a over the starting observation's fields (their IEEE bits, the plan's names in UTF-8),
     * mixed with the policy seed: stable across JVMs and experiments.
     */
    long sessionSeed(Observation start) {
        Fnv fnv = new Fnv();
        fnv.add(start.speedMps());
        fnv.add(start.gnssX());
        fnv.add(start.gnssY());
        fnv.add(start.compassRad());
        fnv.add(start.distanceToManeuverM());
        fnv.add(start.distanceToGoM());
        fnv.add(start.speedLimitMps());
        fnv.add(start.yawRateRadps());
        fnv.add(start.nextManeuver().name());
        fnv.add(start.nextPoi());
        for (Waypoint w : start.routeWaypoints()) {
            fnv.add(w.x());
            fnv.add(w.y());
        }
        return fnv.hash ^ (seed * 0x9E3779B97F4A7C15L);
    }

    /** 64-bit FNV-1a, fed byte by byte. */
    private static final class Fnv {
        long hash = 0xcbf29ce484222325L;

        void add(double value) {
            long bits = Double.doubleToLongBits(value);
            for (int k = 0; k < Long.BYTES; k++) {
                addByte((int) (bits >>> (8 * k)));
            }
        }

        void add(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                addByte(b);
            }
            addByte(0);
        }

        private void addByte(int b) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
    }
}
