package dev.drivenotes.trainer;

import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.SimulationState;
import java.util.SplittableRandom;

/**
 * Missed turns on purpose in training and calibration environments ({@link
 * dev.drivenotes.carla.episode.MissedTurns}, one per episode): traversals whose true maneuver is not
 * the plan's, so that the narration head learns to report what the ego did rather than what the
 * plan said (docs/agent.md), and {@code calibrate --missed-turn-rate} measures it on such drives. A
 * forced steer replaces the driver's action's steer by the nearest discrete one, keeping its
 * acceleration, in what the environment executes only: the replay and the agent's carry keep the
 * driver's own command, as when the runner overrides what a served policy sent, so the head learns
 * what the vehicle did from what it observed, not from the action it was given.
 */
final class MissedTurns {

    private final double rate;
    private final SplittableRandom seeds;
    private final dev.drivenotes.carla.episode.MissedTurns[] episodes;
    private int forcedBefore;

    /**
     * @param rate share of junction entries left by another maneuver than the plan's, 0..1
     * @param seed what each episode's choices derive from
     * @param slots environments side by side
     */
    MissedTurns(double rate, long seed, int slots) {
        this.rate = rate;
        this.seeds = new SplittableRandom(seed);
        this.episodes = new dev.drivenotes.carla.episode.MissedTurns[slots];
        for (int i = 0; i < slots; i++) {
            reset(i);
        }
    }

    /** A new episode starts in {@code slot}. */
    void reset(int slot) {
        if (episodes[slot] != null) {
            forcedBefore += episodes[slot].forcedCount();
        }
        episodes[slot] = new dev.drivenotes.carla.episode.MissedTurns(rate, seeds.nextLong());
    }

    /** How many junction entries have been forced so far, over all slots and episodes. */
    int forcedCount() {
        int count = forcedBefore;
        for (var e : episodes) {
            count += e.forcedCount();
        }
        return count;
    }

    /**
     * The action to execute in {@code slot} at state {@code s} (before stepping it): the driver's
     * {@code action}, or inside a forced traversal its acceleration with the forced steer.
     */
    int action(int slot, SimulationState s, int action) {
        Double steer = episodes[slot].steer(s);
        if (steer == null) {
            return action;
        }
        Control driver = DrivingActions.control(action);
        return DrivingActions.nearest(new Control(steer, driver.throttle(), driver.brake()));
    }
}
