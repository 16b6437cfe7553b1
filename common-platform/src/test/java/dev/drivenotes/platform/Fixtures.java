package dev.drivenotes.platform;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.Pose;
import dev.drivenotes.model.sim.Waypoint;
import java.util.List;

/** Small valid records for platform tests. */
public final class Fixtures {
    private Fixtures() {}

    public static StepRecord step(int i) {
        Observation obs = new Observation(
                5.0 + i,
                10.0 + i,
                -2.5,
                0.1,
                List.of(new Waypoint(2, 0.1), new Waypoint(4, 0.3)),
                Maneuver.TURN_LEFT,
                12.5,
                "Central Library",
                120.0 - i,
                8.33);
        Decision decision = new Decision(new Control(-0.2, 0.5, 0), Maneuver.FOLLOW_LANE, 0.9, "Central Library");
        GroundTruth truth = new GroundTruth(
                new Pose(10.0 + i, -2.0, 0.1), 5.0 + i, "3", -1, null, "Elm Street", 0.25, false, false, false);
        return new StepRecord(i, i * 0.05, obs, i == 2 ? null : decision, truth);
    }
}
