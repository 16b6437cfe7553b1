package dev.drivenotes.trainer;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.carla.sim.embedded.EmbeddedSimulator;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.policy.AutopilotPolicy;
import dev.drivenotes.dreamer.policy.DreamerPolicy;
import dev.drivenotes.dreamer.policy.RandomPolicy;
import dev.drivenotes.dreamer.policy.SessionLimits;
import java.nio.file.Path;

/** {@code drivenotes eval}: one agent over N episodes of the in-process simulator. */
public final class Evaluation {

    /** Every episode is a session of the policy; at most 256 run side by side. */
    private static final SessionLimits SESSIONS = SessionLimits.of(1024);

    private Evaluation() {}

    /**
     * Evaluates an agent.
     *
     * @param agent {@code dreamer}, {@code autopilot}, {@code autopilot-discrete} (the autopilot restricted to the
     *     agent's 15 actions: what behaviour cloning can reach) or {@code random}
     * @param checkpoint dreamer checkpoint folder, null for the bundled one
     * @param episodes episodes, driven side by side; episode i uses route seed {@code seed + i}
     * @param map map reference ({@code default-town} or an OpenDRIVE file)
     * @param npcs background vehicles per episode
     */
    public static EvalResult run(
            String agent,
            String checkpoint,
            int episodes,
            long seed,
            String map,
            int maxSteps,
            int npcs,
            Path dataDir) {
        if (episodes < 1 || episodes > 256) {
            throw new IllegalArgumentException("--episodes: must be 1..256, was " + episodes);
        }
        if (npcs < 0 || npcs > 200) {
            throw new IllegalArgumentException("--npcs: must be 0..200, was " + npcs);
        }
        EmbeddedSimulator simulator = Simulators.embedded(dataDir);
        Evaluator evaluator = new Evaluator(simulator, map, maxSteps, npcs, 0);
        return switch (agent) {
            case "autopilot" ->
                evaluator.evaluate(
                        agent, Driver.of(new AutopilotPolicy(DrivingEnv.STEP_S, SESSIONS), episodes), episodes, seed);
            case "autopilot-discrete" ->
                evaluator.evaluate(
                        agent,
                        Driver.snapped(Driver.of(new AutopilotPolicy(DrivingEnv.STEP_S, SESSIONS), episodes)),
                        episodes,
                        seed);
            case "random" ->
                evaluator.evaluate(agent, Driver.of(new RandomPolicy(seed, SESSIONS), episodes), episodes, seed);
            case "dreamer" -> {
                try (NDManager manager = Djl.newManager()) {
                    Checkpoint c = Checkpoint.open(manager, checkpoint);
                    DreamerAgent dreamer = new DreamerAgent(c.nets(), manager, 1);
                    // a raster checkpoint gets the bird's-eye view it was trained on
                    Evaluator withRaster = new Evaluator(
                            simulator, map, maxSteps, npcs, c.meta().config().rasterSize());
                    yield withRaster.evaluate(
                            agent,
                            Driver.of(
                                    new DreamerPolicy(
                                            dreamer, SESSIONS, c.meta().servedNarrationTemperature()),
                                    episodes),
                            episodes,
                            seed);
                }
            }
            default ->
                throw new IllegalArgumentException("--agent: unknown agent '" + agent
                        + "'; expected dreamer, autopilot, autopilot-discrete or random");
        };
    }
}
