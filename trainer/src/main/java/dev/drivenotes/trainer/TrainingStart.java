package dev.drivenotes.trainer;

import ai.djl.ndarray.NDManager;
import dev.drivenotes.dreamer.model.Checkpoint;
import dev.drivenotes.dreamer.model.DreamerConfig;
import dev.drivenotes.dreamer.model.DreamerNets;
import dev.drivenotes.dreamer.model.Params;
import dev.drivenotes.trainer.learning.Hyper;
import dev.drivenotes.trainer.learning.Learner;
import dev.drivenotes.trainer.learning.LearnerState;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * What a training run starts from: fresh parameters, or a checkpoint's parameters, optimiser state
 * and replay ({@code --resume}). Every generator of the run is seeded from ({@code seed}, env steps
 * at the start), so a fresh run repeats exactly for a seed and a resume from the same checkpoint
 * repeats exactly too; a resumed run does not continue the interrupted run's random streams (Java's
 * {@link SplittableRandom} and PyTorch's generator expose no state to save).
 *
 * @param seed the run's seed (a resume keeps the checkpoint's)
 * @param envSteps environment steps already collected
 * @param updates gradient updates already made
 * @param wallSeconds training wall time already spent
 */
record TrainingStart(
        DreamerNets nets, Learner learner, Replay replay, long seed, long envSteps, long updates, double wallSeconds) {

    /** Which generator a derived seed is for. */
    enum Purpose {
        TORCH,
        REPLAY,
        EXPLORE,
        /** Which junctions {@link MissedTurns} leaves by another exit (last: the others keep their values). */
        MISSED_TURNS
    }

    static TrainingStart fresh(NDManager manager, TrainSettings settings) {
        DreamerConfig config = DreamerConfig.preset(settings.preset());
        DreamerNets nets =
                new DreamerNets(config, Params.initialise(manager, DreamerNets.layout(config), settings.seed()));
        Replay replay = new Replay(
                settings.envs(),
                settings.replayCapacity(),
                derive(settings.seed(), 0, Purpose.REPLAY),
                config.rasterBytes());
        return new TrainingStart(nets, learner(nets, manager, settings), replay, settings.seed(), 0, 0, 0);
    }

    /**
     * A new run from a checkpoint's parameters ({@link TrainSettings#initFrom}): a checkpoint without
     * the narration head gains a fresh one (initialised from the run's seed); env-step, update and
     * wall-time counters continue from the checkpoint's, so training routes are new ones; fresh
     * optimiser state and an empty replay.
     */
    static TrainingStart initFrom(NDManager manager, TrainSettings settings, PrintStream out) {
        Checkpoint c = Checkpoint.open(manager, settings.initFrom().toString());
        DreamerConfig config = c.nets().config().withNarration();
        Params params = Params.initialise(manager, DreamerNets.layout(config), settings.seed());
        int copied = params.copyFrom(c.nets().params());
        long steps = c.meta().envSteps();
        out.printf(
                "starting from %s (%d env steps, %d updates): %d parameter arrays copied, %d fresh%s%n",
                settings.initFrom(),
                steps,
                c.meta().updates(),
                copied,
                params.all().size() - copied,
                settings.narrationOnly() ? "; training the narration head only" : "");
        DreamerNets nets = new DreamerNets(config, params);
        Replay replay = new Replay(
                settings.envs(),
                settings.replayCapacity(),
                derive(settings.seed(), steps, Purpose.REPLAY),
                config.rasterBytes());
        return new TrainingStart(
                nets,
                learner(nets, manager, settings),
                replay,
                settings.seed(),
                steps,
                c.meta().updates(),
                c.meta().wallSeconds());
    }

    static TrainingStart resume(NDManager manager, TrainSettings settings, PrintStream out) {
        Checkpoint c = Checkpoint.open(manager, settings.out().toString());
        long seed = c.meta().seed();
        long steps = c.meta().envSteps();
        out.printf(
                "resuming %s at %d env steps, %d updates, seed %d%s%n",
                settings.out(),
                steps,
                c.meta().updates(),
                seed,
                seed == settings.seed() ? "" : " (the checkpoint's; --seed " + settings.seed() + " ignored)");
        Learner learner = learner(c.nets(), manager, settings);
        out.println(LearnerState.restore(settings.out(), manager, learner, steps));
        long replaySeed = derive(seed, steps, Purpose.REPLAY);
        int rasterBytes = c.nets().config().rasterBytes();
        Replay replay = ReplayFile.load(
                settings.out(), steps, settings.envs(), settings.replayCapacity(), replaySeed, rasterBytes);
        if (replay == null) {
            out.printf("no %s in %s: starting with an empty replay%n", ReplayFile.NAME, settings.out());
            replay = new Replay(settings.envs(), settings.replayCapacity(), replaySeed, rasterBytes);
        } else {
            out.printf("restored replay: %d steps in %d streams%n", replay.size(), replay.streamCount());
        }
        return new TrainingStart(
                c.nets(),
                learner,
                replay,
                seed,
                steps,
                c.meta().updates(),
                c.meta().wallSeconds());
    }

    private static Learner learner(DreamerNets nets, NDManager manager, TrainSettings settings) {
        Hyper hyper = Hyper.driving(Trainer.ACTOR_RL_SCALE);
        return new Learner(nets, manager, settings.narrationOnly() ? hyper.withNarrationOnly() : hyper);
    }

    /** The seed of one generator of a run that starts at {@code envSteps}. */
    static long derive(long seed, long envSteps, Purpose purpose) {
        SplittableRandom r = new SplittableRandom(new SplittableRandom(seed).nextLong() + envSteps);
        long value = 0;
        for (int i = 0; i <= purpose.ordinal(); i++) {
            value = r.nextLong();
        }
        return value;
    }

    long derive(Purpose purpose) {
        return derive(seed, envSteps, purpose);
    }
}
