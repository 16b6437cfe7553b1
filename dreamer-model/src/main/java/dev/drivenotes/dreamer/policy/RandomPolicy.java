package dev.drivenotes.dreamer.policy;

import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A baseline that knows nothing: uniformly random steer (−1..1), throttle and brake (0..1), a
 * uniformly random maneuver label and a uniformly random confidence; it names the observation's
 * next POI as its target. Each session draws from its own generator, seeded from the policy seed
 * and the session id and reset when an instance says {@code isFirst}, so a session's sequence of
 * decisions is reproducible whatever other sessions share its batches.
 */
public final class RandomPolicy implements Policy {

    public static final String NAME = "random";

    private static final Maneuver[] MANEUVERS = Maneuver.values();

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
            Control control = new Control(random.nextDouble(-1, 1), random.nextDouble(), random.nextDouble());
            Maneuver maneuver = MANEUVERS[random.nextInt(MANEUVERS.length)];
            double confidence = random.nextDouble();
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
