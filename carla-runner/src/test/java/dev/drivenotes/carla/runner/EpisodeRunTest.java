package dev.drivenotes.carla.runner;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.EpisodeRequested;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Pose;
import dev.drivenotes.model.sim.RouteInfo;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.sim.VehicleSpec;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.remote.ProposedDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeRunTest {

    private static final RouteInfo ROUTE =
            new RouteInfo("City Hall", "Museum", 250, List.of("Museum"), List.of(Maneuver.TURN_LEFT));
    private static final Decision CRUISE =
            new Decision(new Control(0, 0.3, 0), Maneuver.FOLLOW_LANE, 0.9, "Museum", null);

    private static SimulationState state(int step, GroundTruth truth, Termination termination) {
        return new SimulationState(
                "sim-1", "default-town", step, step * 0.05, observation().build(), truth, termination, ROUTE);
    }

    /** Drives through the given truths, the last one terminal, and summarises the episode. */
    private static EpisodeSummary drive(List<GroundTruth> truths) {
        ExperimentConfig config = ExperimentConfigBuilder.experiment("t")
                .episodes(1)
                .seed(7L)
                .maxSteps(100)
                .parallelEpisodes(1)
                .build();
        EpisodeRun run = new EpisodeRun(
                Assignment.of(EpisodeRequested.first("exp-1", 0, config), null),
                new ControlSafety(VehicleSpec.EGO, config.fixedDeltaSeconds()),
                state(0, truths.getFirst(), Termination.RUNNING));
        for (int step = 1; step < truths.size(); step++) {
            boolean last = step == truths.size() - 1;
            run.advance(
                    CRUISE,
                    state(step, truths.get(step), last ? Termination.REACHED_DESTINATION : Termination.RUNNING));
        }
        return run.summarize(run.finishTrajectory(), "runner-1");
    }

    @Test
    void countsEveryInfractionOfTheTrajectoryByKind() {
        // a collision whose partner the simulator did not name
        GroundTruth unknownPartner = new GroundTruth(
                new Pose(0, 0, 0),
                5,
                "1",
                -1,
                null,
                "Main Street",
                0.5,
                true,
                false,
                false,
                null,
                false,
                false,
                false,
                null);
        List<GroundTruth> truths = List.of(
                truth().build(),
                truth().collisionWith("vehicle").build(),
                truth().collisionWith("pedestrian").build(),
                truth().collisionWith("static").build(),
                unknownPartner,
                truth().redLightRun().build(),
                truth().collisionWith("vehicle").redLightRun().stopSignRun().build(),
                truth().build(),
                // the terminal state counts too
                truth().stopSignRun().routeCompletion(1.0).build());

        EpisodeSummary summary = drive(truths);

        assertThat(summary.infractions()).isEqualTo(new Infractions(1, 2, 2, 2, 2));
        assertThat(summary.collisions()).isEqualTo(5);
        assertThat(summary.steps()).isEqualTo(8);
        assertThat(summary.termination()).isEqualTo(Termination.REACHED_DESTINATION);
        assertThat(summary.routeCompletion()).isEqualTo(1.0);
    }

    @Test
    void aStepWithoutACollisionCountsNoPartner() {
        // a partner named on a step that reports no collision is not an infraction
        GroundTruth partnerOnly = new GroundTruth(
                new Pose(0, 0, 0),
                5,
                "1",
                -1,
                null,
                "Main Street",
                0.5,
                false,
                false,
                false,
                "vehicle",
                false,
                false,
                false,
                null);

        EpisodeSummary summary = drive(List.of(truth().build(), partnerOnly, truth().build()));

        assertThat(summary.infractions()).isEqualTo(Infractions.NONE);
    }

    @Test
    void aMissedTurnOnPurposeSteersWhatIsSentButRecordsThePolicysDecisionAndCountsNoClamp() {
        ExperimentConfig config = ExperimentConfigBuilder.experiment("t")
                .episodes(1)
                .seed(7L)
                .maxSteps(100)
                .parallelEpisodes(1)
                .missedTurnRate(1.0)
                .build();
        SimulationState inJunction = new SimulationState(
                "sim-1",
                "default-town",
                0,
                0,
                observation().nextManeuver(Maneuver.TURN_LEFT, 0).build(),
                truth().junction("J1").build(),
                Termination.RUNNING,
                ROUTE);
        EpisodeRun run = new EpisodeRun(
                Assignment.of(EpisodeRequested.first("exp-1", 0, config), null),
                new ControlSafety(VehicleSpec.EGO, config.fixedDeltaSeconds()),
                inJunction);
        // the policy steers left (negative) as its plan says; the forced exit is straight on or right
        ProposedDecision proposed = new ProposedDecision(
                new ProposedDecision.Proposed(-0.05, 0.3, 0.0), Maneuver.TURN_LEFT, 0.9, "Museum", null);

        ControlSafety.Checked checked = run.secure(proposed);

        assertThat(checked.decided().steer()).as("recorded: the policy's").isEqualTo(-0.05);
        assertThat(checked.sent().steer())
                .as("sent: the forced exit's, at the wheels' rate")
                .isGreaterThanOrEqualTo(0);
        assertThat(checked.sent().throttle()).isEqualTo(0.3);
        assertThat(checked.clamped()).isFalse();
        run.advance(new Decision(checked.decided(), Maneuver.TURN_LEFT, 0.9, "Museum", null), inJunction);
        assertThat(run.summarize(run.finishTrajectory(), "runner-1").controlClamps())
                .isZero();
    }
}
