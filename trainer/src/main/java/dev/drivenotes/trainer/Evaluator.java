package dev.drivenotes.trainer;

import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@code episodes} episodes side by side (episode i uses route seed {@code seed + i}), one
 * batched decision per step, and scores them.
 */
final class Evaluator {

    private final Simulator simulator;
    private final String map;
    private final int maxSteps;
    private final int npcs;
    private final int birdEyeSizePx;

    /** @param birdEyeSizePx bird's-eye raster size for a driver that needs one, else 0 */
    Evaluator(Simulator simulator, String map, int maxSteps, int npcs, int birdEyeSizePx) {
        this.simulator = simulator;
        this.map = map;
        this.maxSteps = maxSteps;
        this.npcs = npcs;
        this.birdEyeSizePx = birdEyeSizePx;
    }

    EvalResult evaluate(String agent, Driver driver, int episodes, long seed) {
        List<DrivingEnv> envs = new ArrayList<>();
        Infractions[] infractions = new Infractions[episodes];
        for (int i = 0; i < episodes; i++) {
            DrivingEnv env = new DrivingEnv(simulator, map, maxSteps, npcs, birdEyeSizePx);
            env.reset(seed + i);
            infractions[i] = Infractions.NONE;
            driver.reset(i);
            envs.add(env);
        }
        double speedSum = 0;
        long speedCount = 0;
        while (true) {
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < episodes; i++) {
                if (!envs.get(i).state().done()) {
                    active.add(i);
                }
            }
            if (active.isEmpty()) {
                break;
            }
            int[] slots = active.stream().mapToInt(Integer::intValue).toArray();
            List<Observation> obs =
                    active.stream().map(i -> envs.get(i).state().observation()).toList();
            List<Control> controls = driver.act(slots, obs);
            for (int k = 0; k < slots.length; k++) {
                SimulationState s = envs.get(slots[k]).step(controls.get(k)).state();
                infractions[slots[k]] = infractions[slots[k]].plus(Infractions.of(s.truth()));
                speedSum += s.truth().speedMps();
                speedCount++;
            }
        }
        double rc = 0;
        double score = 0;
        int collided = 0;
        int offRoad = 0;
        Infractions total = Infractions.NONE;
        for (int i = 0; i < episodes; i++) {
            SimulationState s = envs.get(i).state();
            double completion = s.truth().routeCompletion();
            rc += completion;
            collided += infractions[i].collisions() > 0 ? 1 : 0;
            offRoad += s.termination() == Termination.OFF_ROAD ? 1 : 0;
            score += DrivingScore.of(completion, infractions[i]);
            total = total.plus(infractions[i]);
            envs.get(i).close();
        }
        return new EvalResult(
                agent,
                episodes,
                rc / episodes,
                (double) collided / episodes,
                (double) offRoad / episodes,
                speedCount == 0 ? 0 : speedSum / speedCount,
                score / episodes,
                total);
    }
}
