package dev.drivenotes.app;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.carla.episode.EgoEpisode;
import dev.drivenotes.carla.episode.MissedTurnFixtures;
import dev.drivenotes.carla.map.LoadedMap;
import dev.drivenotes.carla.map.TestMaps;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.model.policy.Decision;
import dev.drivenotes.model.sim.Control;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Observation;
import dev.drivenotes.model.sim.SimulationState;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.reporter.note.NoteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missed turn from the simulator's navigation to the notes: the ego takes another exit of its first
 * junction than its plan said, the navigation replans, and the notes written from the trajectory (an
 * agent that declares its plan's maneuver and heads for its plan's next POI, as the autopilot does)
 * score its junction action wrong and carry a reroute note with the new plan's next POI.
 */
class MissedTurnNotesTest {

    @TempDir
    Path dir;

    /** The record of each state, deciding as a plan-following agent would: the plan's maneuver near a junction. */
    private static List<StepRecord> records(List<SimulationState> states) {
        List<StepRecord> records = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            SimulationState s = states.get(i);
            Observation o = s.observation();
            Maneuver declared = o.distanceToManeuverM() < 12 ? o.nextManeuver() : Maneuver.FOLLOW_LANE;
            Decision decision =
                    i == states.size() - 1 ? null : new Decision(Control.IDLE, declared, 0.9, o.nextPoi(), null);
            records.add(new StepRecord(s.step(), s.simTimeS(), o, decision, s.truth()));
        }
        return records;
    }

    @Test
    void aMissedTurnNarratedFromThePlanIsAWrongActionWithTheOldPlansNextPoiAndARerouteToTheNewOne() {
        LoadedMap map = TestMaps.defaultTown(dir);
        MissedTurnFixtures.MissedTurn turn = MissedTurnFixtures.find(map);
        EgoEpisode ego = MissedTurnFixtures.episode(map, turn.planned());
        List<SimulationState> states =
                MissedTurnFixtures.driveAlong(ego, turn.driven().route().polyline());
        List<StepRecord> trajectory = records(states);
        EpisodeSummary summary = episode("x1-e0", 0)
                .steps(states.size())
                .termination(Termination.MAX_STEPS)
                .route(
                        turn.planned().start(),
                        turn.planned().destination(),
                        turn.planned().route().lengthM())
                .build();

        List<Note> notes = new NoteWriter(map.matcher()).write("x1", summary, trajectory);

        int replan = trajectory.stream()
                .filter(r -> r.observation().replanned())
                .mapToInt(StepRecord::step)
                .findFirst()
                .orElseThrow();
        Note junction = notes.stream()
                .filter(n -> n.kind() == NoteKind.JUNCTION)
                .findFirst()
                .orElseThrow();
        assertThat(junction.action())
                .isEqualTo(turn.planned().route().junctions().getFirst().maneuver());
        assertThat(junction.truth().action())
                .isEqualTo(turn.driven().route().junctions().getFirst().maneuver());
        assertThat(junction.correct().action())
                .as("a missed turn is a wrong action")
                .isFalse();

        Note reroute = notes.stream()
                .filter(n -> n.kind() == NoteKind.REROUTE)
                .findFirst()
                .orElseThrow();
        assertThat(reroute.step()).as("where the navigation replanned").isEqualTo(replan);
        assertThat(reroute.nextPoi())
                .as("the new plan's next POI")
                .isEqualTo(ego.plan().pois().getFirst())
                .isEqualTo(states.get(replan).observation().nextPoi());
        assertThat(reroute.truth().nextPoi()).isEqualTo(reachedAfter(trajectory, replan, map));
        String oldPlansNextPoi = trajectory.stream()
                .filter(r -> r.step() == junction.step())
                .findFirst()
                .orElseThrow()
                .observation()
                .nextPoi();
        assertThat(junction.nextPoi())
                .as("it says it turned as planned, so as far as it knows its plan (and next POI) did not change")
                .isEqualTo(oldPlansNextPoi)
                .isNotEqualTo(reroute.nextPoi());
    }

    /** The POI the true trajectory enters first after record {@code index}, else the last one entered before it. */
    private static String reachedAfter(List<StepRecord> trajectory, int index, LoadedMap map) {
        String last = NoteWriter.NO_POI;
        for (int i = 1; i < trajectory.size(); i++) {
            String place = trajectory.get(i).truth().place();
            boolean entered = map.places().poiNamed(place).isPresent()
                    && !place.equals(trajectory.get(i - 1).truth().place());
            if (entered && i > index) {
                return place;
            }
            if (entered) {
                last = place;
            }
        }
        return last;
    }
}
