package dev.drivenotes.app;

import dev.drivenotes.model.experiment.ExperimentConfig;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The conditions an experiment drives in, beside {@link EpisodeOptions}' traffic count ({@code run},
 * {@code bench e2e}, {@code compare}); an option left out takes the experiment config's default.
 * Together they name the experiment's condition ({@link dev.drivenotes.model.experiment.Condition}).
 */
final class ConditionOptions {

    @Option(
            names = "--gnss-noise-m",
            paramLabel = "M",
            description = "Standard deviation of the GNSS noise the agent sees, metres (default 1.0).")
    Double gnssNoiseM;

    @Option(
            names = "--gnss-dropout-rate",
            paramLabel = "R",
            description = "Share of steps, 0..1, on which the GNSS receiver has no fix and the agent dead-reckons"
                    + " (default 0).")
    Double gnssDropoutRate;

    @Option(
            names = "--npc-aggressiveness",
            paramLabel = "A",
            description = "How the background vehicles drive, 0 (cautious: long headway and gaps, slow) .. 1"
                    + " (aggressive); default " + ExperimentConfig.DEFAULT_NPC_AGGRESSIVENESS + ".")
    Double npcAggressiveness;

    @Option(names = "--time-step", paramLabel = "S", description = "Simulation step, seconds (default 0.05).")
    Double timeStepS;

    @Option(
            names = "--missed-turn-rate",
            paramLabel = "F",
            description = "Share of junctions, 0..1, the ego is made to leave by another maneuver than its plan,"
                    + " whatever the agent commands (a perturbation: do notes report what was done?); default 0.")
    Double missedTurnRate;

    @Option(
            names = "--narrator",
            paramLabel = "NAME",
            description = "Who declares a note's maneuver: agent (default) | autopilot.")
    String narrator;

    /**
     * An experiment of {@code episodes} on {@code map} with these conditions and {@code episode}'s
     * seed, traffic count and step limit (null: the config's defaults); a value out of range is an
     * error naming its option ({@link RunCommand#checkedConfig}).
     */
    ExperimentConfig config(
            String name,
            String map,
            String agent,
            int episodes,
            EpisodeOptions episode,
            Integer parallelEpisodes,
            Integer birdEyeSizePx,
            LocalDate day) {
        return RunCommand.checkedConfig(() -> new ExperimentConfig(
                name,
                map,
                agent,
                episodes,
                episode.seed,
                null,
                null,
                episode.maxSteps,
                episode.npcs,
                gnssNoiseM,
                gnssDropoutRate,
                timeStepS,
                null,
                parallelEpisodes,
                birdEyeSizePx,
                day,
                npcAggressiveness,
                narrator,
                missedTurnRate));
    }

    /** Config fields these options set, and the option that sets each. */
    static final Map<String, String> OPTIONS = Map.of(
            "gnssNoiseM", "--gnss-noise-m",
            "gnssDropoutRate", "--gnss-dropout-rate",
            "npcAggressiveness", "--npc-aggressiveness",
            "fixedDeltaSeconds", "--time-step",
            "narrator", "--narrator",
            "missedTurnRate", "--missed-turn-rate");
}
