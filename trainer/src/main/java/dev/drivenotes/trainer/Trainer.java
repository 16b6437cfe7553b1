package dev.drivenotes.trainer;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.carla.sim.Simulator;
import dev.drivenotes.dreamer.model.Carry;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.CheckpointMeta;
import dev.drivenotes.dreamer.model.Djl;
import dev.drivenotes.dreamer.model.DreamerAgent;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.DrivingActions;
import dev.drivenotes.dreamer.model.ObservationRaster;
import dev.drivenotes.dreamer.model.ObservationVector;
import dev.drivenotes.dreamer.policy.AutopilotPolicy;
import dev.drivenotes.dreamer.policy.SessionLimits;
import dev.drivenotes.model.policy.PredictInstance;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.trainer.learning.Learner;
import dev.drivenotes.trainer.learning.LearnerState;
import dev.drivenotes.trainer.learning.TrainStats;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * DreamerV3 training in the in-process simulator: {@code envs} environments stepped side by side,
 * {@code demoEnvs} of them driven by the autopilot (its control snapped to the nearest discrete
 * action, which is what is executed and stored: demonstrations for behaviour cloning and world-model
 * data), the rest by the agent (actor mode, 10 % random actions). The autopilot labels the agent's
 * states too (DAgger: the action it would take there is the behaviour-cloning target, so the agent
 * learns to recover from its own mistakes). One update every {@code
 * stepsPerUpdate} environment steps after a warm-up of autopilot-only steps. Writes a checkpoint
 * (parameters, optimiser state, replay) every {@link #CHECKPOINT_EVERY_S} seconds and at the end;
 * wall-clock time decides only when to save and print, never anything that training computes.
 */
public final class Trainer {

    static final double EXPLORE = 0.1;
    /** The imagination term of the actor loss is down-weighted against behaviour cloning (docs/agent.md). */
    static final float ACTOR_RL_SCALE = 0.1f;

    static final long CHECKPOINT_EVERY_S = 300;
    static final long PROGRESS_EVERY_S = 20;

    private final TrainSettings settings;
    private final PrintStream out;
    private final String commit;

    public Trainer(TrainSettings settings, PrintStream out, String commit) {
        this.settings = settings;
        this.out = out;
        this.commit = commit;
    }

    /** Trains and answers the final checkpoint's metadata. */
    public CheckpointMeta run() {
        try (NDManager manager = Djl.newManager()) {
            TrainingStart start = settings.resume()
                    ? TrainingStart.resume(manager, settings, out)
                    : settings.initFrom() != null
                            ? TrainingStart.initFrom(manager, settings, out)
                            : TrainingStart.fresh(manager, settings);
            Djl.seed(start.derive(TrainingStart.Purpose.TORCH));
            return loop(manager, start);
        }
    }

    private CheckpointMeta loop(NDManager manager, TrainingStart start) {
        Simulator simulator = Simulators.embedded(settings.dataDir());
        int e = settings.envs();
        DreamerNets nets = start.nets();
        DreamerConfig config = nets.config();
        Learner learner = start.learner();
        Replay replay = start.replay();
        long doneSteps = start.envSteps();
        long updates = start.updates();
        double priorWall = start.wallSeconds();
        DreamerAgent agent = new DreamerAgent(nets, manager, 1);
        AutopilotPolicy autopilot = new AutopilotPolicy(DrivingEnv.STEP_S, SessionLimits.of(64));
        SplittableRandom random = new SplittableRandom(start.derive(TrainingStart.Purpose.EXPLORE));
        List<DrivingEnv> envs = new ArrayList<>();
        long[] episodeCounter = {start.seed() * 100_000 + doneSteps};
        Carry[] carries = new Carry[e];
        boolean[] first = new boolean[e];
        double[] episodeReturn = new double[e];
        List<ManeuverLabels<Replay.Step>> maneuvers = new ArrayList<>();
        MissedTurns missedTurns =
                new MissedTurns(settings.missedTurnRate(), start.derive(TrainingStart.Purpose.MISSED_TURNS), e);
        Progress progress = new Progress();
        for (int i = 0; i < e; i++) {
            envs.add(new DrivingEnv(
                    simulator, settings.map(), settings.maxEpisodeSteps(), settings.npcs(), config.rasterSize()));
            maneuvers.add(new ManeuverLabels<>((step, maneuver) -> step.maneuver = maneuver));
            start(envs.get(i), i, replay, episodeCounter, carries, first, episodeReturn, maneuvers.get(i));
            missedTurns.reset(i);
        }
        long started = System.nanoTime();
        long lastProgress = started;
        long lastCheckpoint = started;
        long steps = doneSteps;
        TrainStats stats = null;
        while (steps < settings.envSteps()) {
            boolean warm = steps < settings.warmupSteps();
            List<Integer> agentSlots = new ArrayList<>();
            for (int i = 0; i < e; i++) {
                if (!warm && i >= settings.demoEnvs()) {
                    agentSlots.add(i);
                }
            }
            int[] actions = new int[e];
            int[] labels = new int[e];
            boolean[] demo = new boolean[e];
            for (int i = 0; i < e; i++) {
                // the autopilot labels every state (DAgger); on its own environments it also drives
                SimulationState s = envs.get(i).state();
                Control c = autopilot
                        .decide(List.of(new PredictInstance("env-" + i, s.observation(), first[i], null)))
                        .getFirst()
                        .control();
                labels[i] = DrivingActions.nearest(c);
                demo[i] = !agentSlots.contains(i);
                if (demo[i]) {
                    actions[i] = labels[i];
                    carries[i] = null;
                }
            }
            if (!agentSlots.isEmpty()) {
                List<float[]> obs = agentSlots.stream()
                        .map(i -> ObservationVector.of(envs.get(i).state().observation()))
                        .toList();
                List<Carry> cs = agentSlots.stream().map(i -> carries[i]).toList();
                List<DreamerAgent.Step> decided = config.usesRaster()
                        ? agent.act(
                                obs,
                                agentSlots.stream()
                                        .map(i -> ObservationRaster.of(
                                                envs.get(i)
                                                        .state()
                                                        .observation()
                                                        .birdEye(),
                                                config))
                                        .toList(),
                                new ArrayList<>(cs))
                        : agent.act(obs, new ArrayList<>(cs));
                for (int k = 0; k < agentSlots.size(); k++) {
                    int i = agentSlots.get(k);
                    actions[i] = random.nextDouble() < EXPLORE
                            ? random.nextInt(DrivingActions.COUNT)
                            : decided.get(k).action();
                    // the next step's RSSM input is the action executed, exploration included
                    carries[i] = decided.get(k).carry().withPrevAction(actions[i]);
                }
            }
            for (int i = 0; i < e; i++) {
                replay.setAction(i, actions[i], labels[i]);
                // a missed turn on purpose steers the vehicle, not the agent: replay and carry keep the
                // driver's command (as in serving, where the runner overrides what the policy sent)
                int executed = missedTurns.action(i, envs.get(i).state(), actions[i]);
                DrivingEnv.Transition t = envs.get(i).step(DrivingActions.control(executed));
                episodeReturn[i] += t.reward();
                steps++;
                // a step that did not end the episode is never terminal (done = terminal or truncated)
                Replay.Step kept = replay.add(
                        i,
                        ObservationVector.of(t.state().observation()),
                        birdEye(t.state()),
                        actions[i],
                        t.reward(),
                        t.terminal(),
                        false);
                maneuvers.get(i).observe(kept, t.state().truth());
                if (t.done()) {
                    progress.episode(episodeReturn[i], t.state().truth().routeCompletion(), demo[i]);
                    start(envs.get(i), i, replay, episodeCounter, carries, first, episodeReturn, maneuvers.get(i));
                    missedTurns.reset(i);
                } else {
                    first[i] = false;
                }
            }
            if (steps >= settings.warmupSteps()
                    && replay.canSample(settings.length())
                    && steps / e % Math.max(1, settings.stepsPerUpdate() / e) == 0) {
                stats = learner.update(replay.sample(settings.batch(), settings.length()));
                updates++;
            }
            long now = System.nanoTime();
            if (now - lastProgress > PROGRESS_EVERY_S * 1_000_000_000L) {
                out.println(progress.line(steps, updates, (steps - doneSteps) / ((now - started) / 1e9), stats));
                lastProgress = now;
            }
            if (now - lastCheckpoint > CHECKPOINT_EVERY_S * 1_000_000_000L) {
                save(start, steps, updates, priorWall + (now - started) / 1e9, stats);
                lastCheckpoint = now;
            }
        }
        envs.forEach(DrivingEnv::close);
        CheckpointMeta meta = save(start, steps, updates, priorWall + (System.nanoTime() - started) / 1e9, stats);
        out.println(progress.line(steps, updates, (steps - doneSteps) / ((System.nanoTime() - started) / 1e9), stats));
        if (settings.missedTurnRate() > 0) {
            out.printf("junctions left by another maneuver than planned, on purpose: %d%n", missedTurns.forcedCount());
        }
        out.printf("checkpoint written to %s%n", settings.out());
        return meta;
    }

    private void start(
            DrivingEnv env,
            int i,
            Replay replay,
            long[] counter,
            Carry[] carries,
            boolean[] first,
            double[] episodeReturn,
            ManeuverLabels<Replay.Step> maneuvers) {
        SimulationState s = env.reset(TrainSettings.TRAIN_SEED_BASE + counter[0]++);
        maneuvers.start(
                replay.add(i, ObservationVector.of(s.observation()), birdEye(s), -1, 0f, false, true), s.truth());
        carries[i] = null;
        first[i] = true;
        episodeReturn[i] = 0;
    }

    /** The observation's raster bytes, null when the simulation renders none (vector-only model). */
    private static byte[] birdEye(SimulationState s) {
        return s.observation().birdEye() == null
                ? null
                : s.observation().birdEye().data();
    }

    /** Training state first, {@code checkpoint.json} last (each file atomically; see {@link Checkpoint}). */
    private CheckpointMeta save(TrainingStart start, long steps, long updates, double wall, TrainStats stats) {
        Map<String, Double> s = stats == null
                ? Map.of()
                : Map.ofEntries(
                        Map.entry("modelLoss", stats.modelLoss()),
                        Map.entry("decoderLoss", stats.decoderLoss()),
                        Map.entry("rewardLoss", stats.rewardLoss()),
                        Map.entry("klDyn", stats.klDyn()),
                        Map.entry("actorLoss", stats.actorLoss()),
                        Map.entry("criticLoss", stats.criticLoss()),
                        Map.entry("bcLoss", stats.bcLoss()),
                        Map.entry("entropy", stats.entropy()),
                        Map.entry("returnScale", stats.returnScale()),
                        Map.entry("rasterLoss", stats.rasterLoss()),
                        Map.entry("narrationLoss", stats.narrationLoss()));
        CheckpointMeta meta = new CheckpointMeta(
                CheckpointMeta.FORMAT,
                start.nets().config(),
                CheckpointMeta.observationSpec(start.nets().config()),
                CheckpointMeta.ACTION_SPEC,
                start.seed(),
                steps,
                updates,
                wall,
                commit,
                s,
                null); // training changes the head: a temperature fitted before would no longer apply
        LearnerState.save(settings.out(), start.learner(), steps);
        ReplayFile.save(settings.out(), start.replay(), steps);
        Checkpoint.save(settings.out(), meta, start.nets().params());
        return meta;
    }

    /** Rolling statistics of finished episodes for the progress line. */
    static final class Progress {
        private final double[] returns = new double[20];
        private final double[] completions = new double[20];
        private int count;

        void episode(double ret, double completion, boolean demo) {
            if (demo) {
                return;
            }
            returns[count % returns.length] = ret;
            completions[count % completions.length] = completion;
            count++;
        }

        String line(long steps, long updates, double stepsPerSecond, TrainStats s) {
            int n = Math.min(count, returns.length);
            double ret =
                    n == 0 ? Double.NaN : Arrays.stream(returns, 0, n).average().orElse(0);
            double rc = n == 0
                    ? Double.NaN
                    : Arrays.stream(completions, 0, n).average().orElse(0);
            String losses = s == null
                    ? "no updates yet"
                    : String.format(
                            "model %.3f (dec %.3f img %.1f rew %.3f kl %.2f) actor %.4f critic %.3f bc %.3f ent %.2f"
                                    + " narration %.3f (accuracy %.2f)",
                            s.modelLoss(),
                            s.decoderLoss(),
                            s.rasterLoss(),
                            s.rewardLoss(),
                            s.klDyn(),
                            s.actorLoss(),
                            s.criticLoss(),
                            s.bcLoss(),
                            s.entropy(),
                            s.narrationLoss(),
                            s.narrationAccuracy());
            return String.format(
                    "step %d  %.1f steps/s  updates %d  %s  agent return %.1f  route completion %.2f (%d episodes)",
                    steps, stepsPerSecond, updates, losses, ret, rc, count);
        }
    }
}
