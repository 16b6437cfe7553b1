package dev.drivenotes.carla.episode;

import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.SimulationState;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Missed turns on purpose, for one episode: on entering a junction where the plan names a junction
 * maneuver (turn left, go straight, turn right), with probability {@code rate} the ego is made to
 * leave by one of the two others, whatever the driver commands — straight on (wheel centred through
 * the junction) or a turn (steer ±{@value #TURN_STEER} until the heading has changed by {@value
 * #TURN_DONE_DEG}°, then centred), each equally likely; the driver keeps throttle and brake. The
 * navigation then finds the ego off its route and replans, as after a real missed turn. A perturbation
 * like a wrong lane choice or a closed exit: it gives drives whose true maneuver is not the plan's,
 * on which notes show whether an agent reports what it did or what it was told, and on which the
 * narration head is trained. Only exits the junction has from where the ego entered are forced (the
 * ground truth's {@code junctionExits}): a junction with no other exit from there is left as planned
 * and not counted; where the truth does not know its exits (states from before it did), any other
 * maneuver may be forced, and may leave the road. The forced steer is open-loop, so a tight or odd
 * junction can still put the ego off the road. Deterministic for a seed and the sequence of states;
 * works on any backend's states (it reads only the observation's plan and the ground truth's
 * junction, exits and heading).
 */
public final class MissedTurns {

    /** The steer of a forced turn: the largest of the learned agent's discrete steers. */
    public static final double TURN_STEER = 0.6;
    /** A forced turn centres the wheel once the heading has changed this much, degrees. */
    public static final int TURN_DONE_DEG = 75;

    /** The junction maneuvers in the order a forced one is drawn from (part of what a seed gives). */
    private static final List<Maneuver> DRAW_ORDER =
            List.of(Maneuver.TURN_LEFT, Maneuver.GO_STRAIGHT, Maneuver.TURN_RIGHT);

    private final double rate;
    private final SplittableRandom random;
    private String junction;
    private Maneuver forced;
    private double entryYawRad;
    private int forcedCount;

    /**
     * @param rate share of junction entries left by another maneuver than the plan's, 0..1
     * @param seed what the choices derive from
     */
    public MissedTurns(double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("missedTurnRate must be 0..1, was " + rate);
        }
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    /** How many junction entries were forced so far. */
    public int forcedCount() {
        return forcedCount;
    }

    /** The maneuver forced on the junction the ego is in, or null. */
    public Maneuver forced() {
        return forced;
    }

    /**
     * The steer to apply instead of the driver's at state {@code s} (the state the next control acts
     * on; call once per step, in order), or null to keep the driver's.
     */
    public Double steer(SimulationState s) {
        GroundTruth truth = s.truth();
        if (!Objects.equals(truth.junctionId(), junction)) {
            forced = null;
            junction = truth.junctionId();
            Maneuver planned = s.observation().nextManeuver();
            if (truth.inJunction() && rate > 0 && planned.atJunction() && random.nextDouble() < rate) {
                List<Maneuver> exits = truth.junctionExits();
                List<Maneuver> others = DRAW_ORDER.stream()
                        .filter(m -> m != planned && (exits == null || exits.contains(m)))
                        .toList();
                if (!others.isEmpty()) {
                    forced = others.get(random.nextInt(others.size()));
                    entryYawRad = truth.pose().yawRad();
                    forcedCount++;
                }
            }
        }
        if (forced == null) {
            return null;
        }
        double turnedRad = Math.abs(Maneuver.normalizeAngle(truth.pose().yawRad() - entryYawRad));
        if (forced == Maneuver.GO_STRAIGHT || turnedRad >= Math.toRadians(TURN_DONE_DEG)) {
            return 0.0;
        }
        return forced == Maneuver.TURN_LEFT ? -TURN_STEER : TURN_STEER; // a positive steer turns right
    }
}
