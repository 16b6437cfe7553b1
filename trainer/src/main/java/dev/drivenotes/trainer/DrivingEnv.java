package dev.drivenotes.trainer;

import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.CreateSimulationRequest;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;

/**
 * One ego episode at a time in the in-process simulator, with a CarDreamer-like reward: metres of
 * route progress per step, minus {@link #CRASH_PENALTY} when the episode ends in a collision or off
 * the road. Collisions, leaving the road and reaching the destination are terminal (continue 0);
 * the step limit is a truncation. The simulator itself goes on after a collision (as CARLA's
 * leaderboard does, and evaluation counts it), but a training episode ends there, as in CarDreamer.
 */
final class DrivingEnv {

    static final double CRASH_PENALTY = 20;
    static final double STEP_S = 0.05;
    static final double GNSS_NOISE_M = 0.5;

    /** What one step gives back. */
    record Transition(SimulationState state, float reward, boolean terminal) {

        /** Whether the episode is over (terminal, or truncated by the simulator's step limit). */
        boolean done() {
            return terminal || state.done();
        }
    }

    private final Simulator simulator;
    private final String map;
    private final int maxSteps;
    private final int npcs;
    private final int birdEyeSizePx;
    private String id;
    private SimulationState state;

    /** @param birdEyeSizePx bird's-eye raster size the simulator renders into observations, 0 for none */
    DrivingEnv(Simulator simulator, String map, int maxSteps, int npcs, int birdEyeSizePx) {
        this.simulator = simulator;
        this.map = map;
        this.maxSteps = maxSteps;
        this.npcs = npcs;
        this.birdEyeSizePx = birdEyeSizePx;
    }

    SimulationState reset(long seed) {
        if (id != null) {
            simulator.destroy(id);
        }
        state = simulator.create(new CreateSimulationRequest(
                map, seed, null, maxSteps, npcs, GNSS_NOISE_M, 0, STEP_S, null, birdEyeSizePx, null));
        id = state.simulationId();
        return state;
    }

    Transition step(Control control) {
        double before = state.truth().routeCompletion();
        state = simulator.step(id, control);
        double progressM =
                (state.truth().routeCompletion() - before) * state.route().lengthM();
        Termination end = state.termination();
        boolean crash = state.truth().collision() || end == Termination.COLLISION || end == Termination.OFF_ROAD;
        float reward = (float) (progressM - (crash ? CRASH_PENALTY : 0));
        boolean terminal = crash || end == Termination.REACHED_DESTINATION;
        return new Transition(state, reward, terminal);
    }

    SimulationState state() {
        return state;
    }

    void close() {
        if (id != null) {
            simulator.destroy(id);
            id = null;
        }
    }
}
