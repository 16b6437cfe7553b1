package dev.drivenotes.carla.traffic;

import dev.drivenotes.model.sim.TrafficLightState;
import java.util.SplittableRandom;

/**
 * The lights of one simulation: every signalised junction cycles through its phases, each green
 * {@link #GREEN_S}, yellow {@link #YELLOW_S}, then all-red {@link #ALL_RED_S}, with a seeded offset
 * per junction. Immutable; the state is a pure function of the time.
 */
public final class TrafficLights {

    public static final double GREEN_S = 10;
    public static final double YELLOW_S = 3;
    public static final double ALL_RED_S = 1;
    public static final double PHASE_S = GREEN_S + YELLOW_S + ALL_RED_S;

    private final SignalPlan plan;
    private final double[] offsetS;

    public TrafficLights(SignalPlan plan, long seed) {
        this.plan = plan;
        this.offsetS = new double[plan.junctionCount()];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int j = 0; j < offsetS.length; j++) {
            offsetS[j] = random.nextDouble() * PHASE_S * plan.phaseCount(j);
        }
    }

    /** The light at the entry of junction lane {@code node} at time {@code timeS}; OFF when it has none. */
    public TrafficLightState state(int node, double timeS) {
        int j = plan.junctionOf(node);
        if (j < 0) {
            return TrafficLightState.OFF;
        }
        double cycleS = PHASE_S * plan.phaseCount(j);
        double shifted = timeS + offsetS[j];
        double t = shifted - Math.floor(shifted / cycleS) * cycleS;
        double local = t - plan.phaseOf(node) * PHASE_S;
        if (local >= 0 && local < GREEN_S) {
            return TrafficLightState.GREEN;
        }
        if (local >= GREEN_S && local < GREEN_S + YELLOW_S) {
            return TrafficLightState.YELLOW;
        }
        return TrafficLightState.RED;
    }

    public boolean signalised(int node) {
        return plan.junctionOf(node) >= 0;
    }
}
