package dev.drivenotes.trainer;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.ObservationRaster;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.model.sim.SimulationState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code drivenotes calibrate}: drives the dreamer checkpoint (as served: latents and actions at their
 * mode) over validation seeds in the in-process simulator, labels every step of each whole junction
 * traversal with its true maneuver ({@link ManeuverLabels}), fits the narration head's temperature
 * on those steps ({@link TemperatureFit}) and writes it into the checkpoint's {@code checkpoint.json}.
 * Reports the head's maneuver accuracy, expected calibration error and NLL at T = 1, at the
 * temperature the checkpoint stored before (if any) and at the fitted one,
 * per labelled step and per traversal (a junction note: the arg-max on the traversal's last step,
 * when the ego leaves the junction, with its probability as the confidence). With a missed-turn
 * rate, that share of junctions is left by another maneuver than the plan's on purpose ({@link
 * MissedTurns}): figures of how the head narrates missed turns.
 */
public final class Calibrate {

    /** Evaluation seeds of the agent comparison: never used for fitting. */
    static final long EVALUATION_SEEDS_FROM = 900;

    static final long EVALUATION_SEEDS_TO = 919;

    /**
     * What calibration found: the figures uncalibrated (T = 1), at the temperature the checkpoint
     * already stored (null when none: measured on these seeds, they are held-out figures when it was
     * fitted on others) and at the temperature fitted on these seeds.
     */
    public record Result(
            NarrationFigures.AtTemperature uncalibrated,
            NarrationFigures.AtTemperature stored,
            NarrationFigures.AtTemperature fitted) {

        /** The report, one figure set per line. */
        public String lines() {
            return uncalibrated.lines("uncalibrated")
                    + (stored == null ? "" : System.lineSeparator() + stored.lines("stored"))
                    + System.lineSeparator()
                    + fitted.lines("fitted");
        }
    }

    private Calibrate() {}

    /**
     * The validation drives: episode i uses route seed {@code seed + i}, all below {@link
     * TrainSettings#TRAIN_SEED_BASE} and outside the evaluation seeds 900..919, on {@code map} with
     * {@code npcs} background vehicles, at most {@code maxSteps} steps, a share {@code missedTurnRate} of
     * junctions left another way on purpose, the generated town written under {@code dataDir}. A bad
     * value is refused naming its command-line option.
     */
    public record Drives(
            int episodes, long seed, String map, int maxSteps, int npcs, double missedTurnRate, Path dataDir) {
        public Drives {
            if (episodes < 1 || episodes > 256) {
                throw new IllegalArgumentException("--episodes: must be 1..256, was " + episodes);
            }
            if (npcs < 0 || npcs > 200) {
                throw new IllegalArgumentException("--npcs: must be 0..200, was " + npcs);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("--max-steps: must be at least 1, was " + maxSteps);
            }
            if (!(missedTurnRate >= 0 && missedTurnRate <= 1)) {
                throw new IllegalArgumentException("--missed-turn-rate: must be 0..1, was " + missedTurnRate);
            }
            long last = seed + episodes - 1;
            if (seed < 0 || last >= TrainSettings.TRAIN_SEED_BASE) {
                throw new IllegalArgumentException("--seed: seeds " + seed + ".." + last + " must lie in 0.."
                        + (TrainSettings.TRAIN_SEED_BASE - 1) + " (never trained on)");
            }
            if (seed <= EVALUATION_SEEDS_TO && last >= EVALUATION_SEEDS_FROM) {
                throw new IllegalArgumentException("--seed: seeds " + seed + ".." + last
                        + " overlap the evaluation seeds " + EVALUATION_SEEDS_FROM + ".." + EVALUATION_SEEDS_TO);
            }
        }
    }

    /** Fits and (when {@code write}) stores the temperature of the checkpoint in folder {@code checkpoint}. */
    public static Result run(Path checkpoint, Drives drives, boolean write) {
        try (NDManager manager = Djl.newManager()) {
            Checkpoint c = Checkpoint.open(manager, checkpoint.toString());
            if (!c.meta().config().narrates()) {
                throw new IllegalArgumentException(
                        "--checkpoint: " + checkpoint + " has no narration head to calibrate");
            }
            List<List<NarrationFigures.Pending>> driven = drive(c, new DreamerAgent(c.nets(), manager, 1), drives);
            List<TemperatureFit.Sample> samples = new ArrayList<>();
            for (List<NarrationFigures.Pending> drive : driven) {
                for (NarrationFigures.Pending p : drive) {
                    if (p.logits != null && p.label >= 0) {
                        samples.add(new TemperatureFit.Sample(p.logits, p.label));
                    }
                }
            }
            if (samples.isEmpty()) {
                throw new IllegalArgumentException(
                        "--episodes: the " + drives.episodes() + " episodes crossed no whole junction; drive more");
            }
            double t = TemperatureFit.fit(samples);
            Double storedT = c.meta().narrationTemperature();
            Result result = new Result(
                    NarrationFigures.at(samples, driven, 1),
                    storedT == null ? null : NarrationFigures.at(samples, driven, storedT),
                    NarrationFigures.at(samples, driven, t));
            if (write) {
                Checkpoint.saveMeta(checkpoint, c.meta().withNarrationTemperature(t));
            }
            return result;
        }
    }

    private static List<List<NarrationFigures.Pending>> drive(Checkpoint c, DreamerAgent agent, Drives d) {
        DreamerConfig config = c.meta().config();
        int episodes = d.episodes();
        long seed = d.seed();
        MissedTurns missedTurns = new MissedTurns(d.missedTurnRate(), seed, episodes);
        var simulator = Simulators.embedded(d.dataDir());
        List<DrivingEnv> envs = new ArrayList<>();
        List<ManeuverLabels<NarrationFigures.Pending>> labels = new ArrayList<>();
        List<List<NarrationFigures.Pending>> drives = new ArrayList<>();
        Carry[] carries = new Carry[episodes];
        int[] traversals = new int[episodes];
        String[] junction = new String[episodes];
        for (int i = 0; i < episodes; i++) {
            DrivingEnv env = new DrivingEnv(simulator, d.map(), d.maxSteps(), d.npcs(), config.rasterSize());
            env.reset(seed + i);
            envs.add(env);
            labels.add(new ManeuverLabels<>((p, label) -> p.label = label));
            drives.add(new ArrayList<>());
        }
        boolean[] started = new boolean[episodes];
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
            List<float[]> obs = new ArrayList<>();
            List<byte[]> rasters = new ArrayList<>();
            List<Carry> cs = new ArrayList<>();
            for (int i : active) {
                SimulationState s = envs.get(i).state();
                obs.add(ObservationVector.of(s.observation()));
                if (config.usesRaster()) {
                    rasters.add(ObservationRaster.of(s.observation().birdEye(), config));
                }
                cs.add(carries[i]);
            }
            List<DreamerAgent.Step> steps = config.usesRaster() ? agent.act(obs, rasters, cs) : agent.act(obs, cs);
            for (int k = 0; k < active.size(); k++) {
                int i = active.get(k);
                DreamerAgent.Step step = steps.get(k);
                SimulationState s = envs.get(i).state();
                record(drives.get(i), labels.get(i), started, traversals, junction, i, step.narrationLogits(), s);
                // a missed turn on purpose steers the vehicle; the agent's carry keeps its own command, as
                // in serving, where the runner overrides the control without telling the policy
                int executed = missedTurns.action(i, s, step.action());
                carries[i] = step.carry();
                SimulationState next =
                        envs.get(i).step(DrivingActions.control(executed)).state();
                if (next.done()) {
                    record(drives.get(i), labels.get(i), started, traversals, junction, i, null, next);
                }
            }
        }
        envs.forEach(DrivingEnv::close);
        return drives;
    }

    /** Keeps one state's head output; traversals are numbered by junction entries. */
    private static void record(
            List<NarrationFigures.Pending> drive,
            ManeuverLabels<NarrationFigures.Pending> labels,
            boolean[] started,
            int[] traversals,
            String[] junction,
            int i,
            float[] logits,
            SimulationState s) {
        String id = s.truth().junctionId();
        if (id != null && !id.equals(junction[i])) {
            traversals[i]++;
        }
        junction[i] = id;
        NarrationFigures.Pending p = new NarrationFigures.Pending(logits, traversals[i]);
        drive.add(p);
        if (started[i]) {
            labels.observe(p, s.truth());
        } else {
            labels.start(p, s.truth());
            started[i] = true;
        }
    }
}
