package dev.drivenotes.platform;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Waypoint;
import java.util.List;

/** Small valid records for platform tests. */
public final class Fixtures {
    private Fixtures() {}

    public static StepRecord step(int i) {
        Observation obs = observation()
                .speedMps(5.0 + i)
                .gnss(10.0 + i, -2.5)
                .compassRad(0.1)
                .route(List.of(new Waypoint(2, 0.1), new Waypoint(4, 0.3)))
                .nextManeuver(Maneuver.TURN_LEFT, 12.5)
                .nextPoi("Central Library", 120.0 - i)
                .speedLimitMps(8.33)
                .build();
        Decision decision = new Decision(new Control(-0.2, 0.5, 0), Maneuver.FOLLOW_LANE, 0.9, "Central Library", null);
        GroundTruth truth = truth().pose(10.0 + i, -2.0, 0.1)
                .speedMps(5.0 + i)
                .lane("3", -1)
                .place("Elm Street")
                .routeCompletion(0.25)
                .build();
        return new StepRecord(i, i * 0.05, obs, i == 2 ? null : decision, truth);
    }
}
