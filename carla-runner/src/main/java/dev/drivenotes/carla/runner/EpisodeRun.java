package dev.drivenotes.carla.runner;

import dev.drivenotes.carla.episode.MissedTurns;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.policy.PredictParameters;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.platform.remote.ProposedDecision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One episode in flight: its work item, simulation, latest state and the trajectory recorded so far. */
final class EpisodeRun {

    final int index;
    final long seed;
    final String episodeId;
    final Assignment assignment;
    final ControlSafety safety;
    /** Who decides and who narrates: episodes with equal parameters share a predict call. */
    final PredictParameters parameters;

    private SimulationState state;
    private final List<StepRecord> steps = new ArrayList<>();
    /** Where the front wheels stand, in steer units, as the sent commands took them (straight at spawn). */
    private double wheelSteer;

    private int controlClamps;
    /** The model versions that answered this episode's predict calls, distinct, in the order they first did. */
    private final Set<String> modelVersions = new LinkedHashSet<>();
    /** Junctions the ego is made to leave by another maneuver than planned (the config's missedTurnRate). */
    private final MissedTurns missedTurns;

    EpisodeRun(Assignment assignment, ControlSafety safety, SimulationState initial) {
        this.assignment = assignment;
        this.index = assignment.request().index();
        this.seed = assignment.request().seed();
        this.episodeId = assignment.request().episodeId();
        this.safety = safety;
        this.state = initial;
        ExperimentConfig config = assignment.request().config();
        this.parameters = new PredictParameters(config.agent(), config.narrator());
        this.missedTurns = new MissedTurns(config.missedTurnRate(), seed * 0x9E3779B97F4A7C15L + 2);
    }

    String experimentId() {
        return assignment.request().experimentId();
    }

    SimulationState state() {
        return state;
    }

    String simulationId() {
        return state.simulationId();
    }

    boolean first() {
        return steps.isEmpty();
    }

    /**
     * A predict call for this episode was answered by {@code modelVersion} (null: the service named
     * none). Kept once, in the order first seen: a model that changes mid-episode (a rolling deploy)
     * leaves every version that drove it.
     */
    void answeredBy(String modelVersion) {
        if (modelVersion != null && modelVersions.size() < EpisodeSummary.MAX_MODEL_VERSIONS) {
            modelVersions.add(modelVersion);
        }
    }

    /**
     * Checks {@code proposed} (counted when it had to be clamped): the decision to record, and the
     * control to send — with the steer of a missed turn on purpose inside a forced junction ({@link
     * MissedTurns}; the decision recorded stays the policy's).
     */
    ControlSafety.Checked secure(ProposedDecision proposed) {
        ControlSafety.Checked checked = safety.check(proposed.control(), wheelSteer);
        if (checked.clamped()) {
            controlClamps++;
        }
        Double forcedSteer = missedTurns.steer(state);
        if (forcedSteer != null) {
            checked = safety.override(checked, forcedSteer, wheelSteer);
        }
        wheelSteer = checked.sent().steer();
        return checked;
    }

    /**
     * Records the decision taken on the current state, then moves to the state it led to. Recorded
     * observations leave out the bird's-eye raster: the policy saw it, the report does not need it.
     */
    void advance(Decision decision, SimulationState next) {
        steps.add(new StepRecord(
                state.step(), state.simTimeS(), state.observation().withoutBirdEye(), decision, state.truth()));
        state = next;
    }

    /** Records the terminal state (no decision) and returns the whole trajectory. */
    List<StepRecord> finishTrajectory() {
        steps.add(new StepRecord(
                state.step(), state.simTimeS(), state.observation().withoutBirdEye(), null, state.truth()));
        return List.copyOf(steps);
    }

    /** The episode's summary, as driven by {@code runner}. */
    EpisodeSummary summarize(List<StepRecord> trajectory, String runner) {
        Infractions infractions = Infractions.NONE;
        int laneInvasions = 0;
        int routeDeviations = 0;
        boolean offRoad = false;
        double speedSum = 0;
        for (StepRecord r : trajectory) {
            GroundTruth t = r.truth();
            infractions = infractions.plus(Infractions.of(t));
            laneInvasions += t.laneInvasion() ? 1 : 0;
            offRoad |= t.offRoad();
            routeDeviations += t.routeDeviation() ? 1 : 0;
            speedSum += t.speedMps();
        }
        return new EpisodeSummary(
                episodeId,
                index,
                seed,
                state.step(),
                state.termination(),
                state.truth().routeCompletion(),
                infractions,
                laneInvasions,
                offRoad,
                trajectory.isEmpty() ? 0 : speedSum / trajectory.size(),
                state.route().lengthM(),
                state.route().start(),
                state.route().destination(),
                routeDeviations,
                controlClamps,
                runner,
                modelVersions.isEmpty() ? null : List.copyOf(modelVersions));
    }
}
