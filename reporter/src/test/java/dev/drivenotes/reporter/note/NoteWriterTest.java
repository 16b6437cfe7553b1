package dev.drivenotes.reporter.note;

import static dev.drivenotes.reporter.Fixtures.BAKERY;
import static dev.drivenotes.reporter.Fixtures.JUNCTION;
import static dev.drivenotes.reporter.Fixtures.MUSEUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteCorrectness;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.note.NoteKind;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.reporter.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteWriterTest {

    private final NoteWriter writer = new NoteWriter(Fixtures.MATCHER);

    private List<Note> write(List<StepRecord> trajectory, Termination termination) {
        return writer.write("x1", Fixtures.summary("x1-e0", 0, termination), trajectory);
    }

    @Test
    void writesPoiJunctionAndDestinationNotesForALeftTurnToTheDestination() {
        List<Note> notes = write(Fixtures.leftTurn(Maneuver.TURN_LEFT, null), Termination.REACHED_DESTINATION);

        assertThat(notes).extracting(Note::step).containsExactly(5, 14, 26);
        assertThat(notes).extracting(Note::kind).containsExactly(NoteKind.POI, NoteKind.JUNCTION, NoteKind.POI);

        Note bakery = notes.get(0);
        assertThat(bakery.agent()).isEqualTo(new NoteFields(BAKERY, Maneuver.FOLLOW_LANE, BAKERY));
        assertThat(bakery.truth()).isEqualTo(new NoteFields(BAKERY, Maneuver.FOLLOW_LANE, BAKERY));

        Note junction = notes.get(1);
        assertThat(junction.agent()).isEqualTo(new NoteFields(JUNCTION, Maneuver.TURN_LEFT, MUSEUM));
        assertThat(junction.truth()).isEqualTo(new NoteFields(JUNCTION, Maneuver.TURN_LEFT, MUSEUM));
        assertThat(junction.confidence()).isEqualTo(0.8);
        assertThat(junction.text()).isEqualTo("At Main & Oak, did turn_left to reach Museum");

        Note museum = notes.get(2);
        assertThat(museum.agent()).isEqualTo(new NoteFields(MUSEUM, Maneuver.STOP, MUSEUM));
        assertThat(museum.truth()).isEqualTo(new NoteFields(MUSEUM, Maneuver.STOP, MUSEUM));

        assertThat(notes).allSatisfy(n -> {
            assertThat(n.correct()).isEqualTo(new NoteCorrectness(true, true, true));
            assertThat(n.valid()).isTrue();
            assertThat(n.experimentId()).isEqualTo("x1");
            assertThat(n.episodeId()).isEqualTo("x1-e0");
        });
    }

    @Test
    void marksTheActionIncorrectWhenTheDeclaredManeuverDiffersFromThePath() {
        Note junction = write(Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null), Termination.REACHED_DESTINATION)
                .get(1);

        assertThat(junction.action()).isEqualTo(Maneuver.GO_STRAIGHT);
        assertThat(junction.truth().action()).isEqualTo(Maneuver.TURN_LEFT);
        assertThat(junction.correct()).isEqualTo(new NoteCorrectness(true, false, true));
        assertThat(junction.valid()).as("go_straight is legal at the junction").isTrue();
    }

    @Test
    void invalidatesAManeuverTheJunctionDoesNotAllow() {
        Note junction = write(Fixtures.leftTurn(Maneuver.CHANGE_LANE_LEFT, null), Termination.REACHED_DESTINATION)
                .get(1);

        assertThat(junction.valid()).isFalse();
    }

    @Test
    void matchesFarOffGnssToTheRoadThereAndMarksTheLocationIncorrect() {
        Note junction = write(
                        Fixtures.leftTurn(Maneuver.TURN_LEFT, new MapPoint(70, 1)), Termination.REACHED_DESTINATION)
                .get(1);

        assertThat(junction.place()).isEqualTo("Main Street");
        assertThat(junction.truth().place()).isEqualTo(JUNCTION);
        assertThat(junction.correct()).isEqualTo(new NoteCorrectness(false, true, true));
        assertThat(junction.valid())
                .as("turn_left is not a lane action on a road")
                .isFalse();
    }

    @Test
    void placesAnAgentWithoutLocalisationWhereItsRawFixIsAndTheFilterWhereItsTrackIs() {
        List<StepRecord> steps = Fixtures.leftTurnWithOneStrayFix();
        var summary = Fixtures.summary("x1-e0", 0, Termination.REACHED_DESTINATION);

        Note filtered = new NoteWriter(Fixtures.MATCHER, Localiser.FILTER)
                .write("x1", summary, steps)
                .get(1);
        Note raw = new NoteWriter(Fixtures.MATCHER, Localiser.forAgent("random"))
                .write("x1", summary, steps)
                .get(1);

        assertThat(filtered.kind()).isEqualTo(NoteKind.JUNCTION);
        assertThat(filtered.place())
                .as("the filter weighs one fix against its track")
                .isEqualTo(JUNCTION);
        assertThat(filtered.correct().location()).isTrue();
        assertThat(raw.place()).as("the random baseline believes its fix").isEqualTo("Main Street");
        assertThat(raw.correct().location()).isFalse();
        assertThat(raw.truth()).isEqualTo(filtered.truth());
        // the localisation error where the note is placed: the stray fix's distance from the true pose
        var truePose = steps.stream()
                .filter(r -> r.observation().gnssX() == 70 && r.observation().gnssY() == 1)
                .findFirst()
                .orElseThrow()
                .truth()
                .pose();
        assertThat(raw.locationErrorM()).isCloseTo(truePose.distanceTo(70, 1), within(1e-9));
        assertThat(filtered.locationErrorM()).isLessThan(raw.locationErrorM() / 2);
    }

    @Test
    void aMissedTurnGivesAWrongActionNoteAndARerouteNoteWithTheNewPlansNextPoi() {
        List<Note> notes = write(Fixtures.deviation(), Termination.MAX_STEPS);

        assertThat(notes).extracting(Note::kind).containsExactly(NoteKind.POI, NoteKind.JUNCTION, NoteKind.REROUTE);
        Note junction = notes.get(1);
        assertThat(junction.agent()).isEqualTo(new NoteFields(JUNCTION, Maneuver.TURN_LEFT, MUSEUM));
        assertThat(junction.truth())
                .as("no POI is reached after the junction: the last one reached before it")
                .isEqualTo(new NoteFields(JUNCTION, Maneuver.TURN_RIGHT, BAKERY));
        assertThat(junction.correct()).isEqualTo(new NoteCorrectness(true, false, false));
        assertThat(junction.confidence()).isEqualTo(0.7);

        Note reroute = notes.get(2);
        assertThat(reroute.step()).as("the first record after the junction").isEqualTo(18);
        assertThat(reroute.agent().nextPoi()).as("the plan after the junction").isEqualTo(BAKERY);
        assertThat(reroute.agent().action()).isEqualTo(Maneuver.TURN_LEFT);
        assertThat(reroute.truth().action()).isEqualTo(Maneuver.TURN_RIGHT);
        assertThat(reroute.correct().action()).isFalse();
        assertThat(reroute.text()).startsWith("At ").contains(", rerouted after turn_left to reach Bakery");
        assertThat(reroute.confidence()).isEqualTo(0.6);
    }

    @Test
    void anAgentThatSaysItFollowedItsPlanThroughAMissedTurnKeepsTheOldPlansNextPoi() {
        List<Note> notes = write(Fixtures.deviationWithReplan(), Termination.MAX_STEPS);

        assertThat(notes).extracting(Note::kind).containsExactly(NoteKind.POI, NoteKind.JUNCTION, NoteKind.REROUTE);
        Note junction = notes.get(1);
        assertThat(junction.agent())
                .as("it says it turned left as planned: as far as it knows, its plan still heads to the Museum")
                .isEqualTo(new NoteFields(JUNCTION, Maneuver.TURN_LEFT, MUSEUM));
        assertThat(junction.correct()).isEqualTo(new NoteCorrectness(true, false, false));

        Note reroute = notes.get(2);
        assertThat(reroute.step())
                .as("the record where the navigation replanned")
                .isEqualTo(20);
        assertThat(reroute.agent().nextPoi()).isEqualTo(BAKERY);
        assertThat(reroute.truth().nextPoi()).isEqualTo(BAKERY);
        assertThat(reroute.correct().action()).isFalse();
        assertThat(reroute.text()).contains("rerouted after turn_left to reach Bakery");
    }

    @Test
    void anAgentThatSaysWhatItDidAtAMissedTurnTakesTheNextPoiFromThePlanAfterTheNavigationReplanned() {
        List<Note> notes = write(Fixtures.deviationWithReplan(Maneuver.TURN_RIGHT), Termination.MAX_STEPS);

        Note junction = notes.stream()
                .filter(n -> n.kind() == NoteKind.JUNCTION)
                .findFirst()
                .orElseThrow();
        assertThat(junction.agent())
                .as("it says it turned right, not as planned: its plan after that heads back to the Bakery")
                .isEqualTo(new NoteFields(JUNCTION, Maneuver.TURN_RIGHT, BAKERY));
        assertThat(junction.correct()).isEqualTo(new NoteCorrectness(true, true, true));
        assertThat(notes)
                .filteredOn(n -> n.kind() == NoteKind.REROUTE)
                .singleElement()
                .satisfies(n -> assertThat(n.correct()).isEqualTo(new NoteCorrectness(true, true, true)));
    }

    @Test
    void writesNoRerouteNoteWhenTheJunctionIsLeftAsPlanned() {
        List<Note> notes = write(Fixtures.leftTurn(Maneuver.GO_STRAIGHT, null), Termination.REACHED_DESTINATION);

        assertThat(notes).extracting(Note::kind).doesNotContain(NoteKind.REROUTE);
        assertThat(notes.get(1).correct().action())
                .as("a wrong declaration on a planned turn is only a wrong action")
                .isFalse();
    }

    @Test
    void arrivalNotesSayWhereTheAgentWasAndWhatItReachedNotThatItGoesWhereItIs() {
        List<Note> notes = write(Fixtures.leftTurn(Maneuver.TURN_LEFT, null), Termination.REACHED_DESTINATION);

        Note museum = notes.get(2);
        assertThat(museum.kind()).isEqualTo(NoteKind.POI);
        assertThat(museum.text()).isEqualTo("At Museum, did stop, having reached Museum");
        assertThat(museum.truthText()).isEqualTo("At Museum, did stop, having reached Museum");
        assertThat(notes)
                .filteredOn(n -> n.kind() == NoteKind.POI)
                .allSatisfy(n -> assertThat(n.text()).doesNotContain("to reach"));
    }

    @Test
    void anArrivalTheAgentDidNotHeadForIsADestinationError() {
        Fixtures.Trajectory t = new Fixtures.Trajectory();
        for (int x = 20; x <= 60; x += 5) {
            t.add(x, 0, 0, null, Fixtures.decision(Maneuver.FOLLOW_LANE, 0.9, MUSEUM));
        }
        t.end(65, 0, 0);

        Note bakery = write(t.steps(), Termination.MAX_STEPS).getFirst();

        assertThat(bakery.kind()).isEqualTo(NoteKind.POI);
        assertThat(bakery.agent().nextPoi())
                .as("it believed it was reaching the Museum")
                .isEqualTo(MUSEUM);
        assertThat(bakery.truth().nextPoi()).isEqualTo(BAKERY);
        assertThat(bakery.correct().destination()).isFalse();
    }

    @Test
    void expectsFollowLaneAtTheDestinationWhenTheEpisodeDidNotEndThere() {
        List<Note> notes = write(Fixtures.leftTurn(Maneuver.TURN_LEFT, null), Termination.MAX_STEPS);

        assertThat(notes.get(2).truth().action()).isEqualTo(Maneuver.FOLLOW_LANE);
        assertThat(notes.get(2).correct().action()).isFalse();
    }

    @Test
    void givesTheTerminalRecordThePreviousDecision() {
        Fixtures.Trajectory t = new Fixtures.Trajectory();
        for (int y = 32; y <= 47; y += 5) {
            t.add(100, y, Math.PI / 2, null, Fixtures.decision(Maneuver.STOP, 0.55, MUSEUM));
        }
        t.end(100, 52, Math.PI / 2);

        List<Note> notes = write(t.steps(), Termination.REACHED_DESTINATION);

        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.step()).isEqualTo(4);
            assertThat(n.agent()).isEqualTo(new NoteFields(MUSEUM, Maneuver.STOP, MUSEUM));
            assertThat(n.confidence()).isEqualTo(0.55);
            assertThat(n.correct().all()).isTrue();
        });
    }

    @Test
    void doesNotCountStartingInsideAPoiAsAnArrival() {
        Fixtures.Trajectory t = new Fixtures.Trajectory();
        for (int x = 50; x <= 70; x += 5) {
            t.add(x, 0, 0, null, Fixtures.decision(Maneuver.FOLLOW_LANE, 0.9, MUSEUM));
        }

        assertThat(write(t.steps(), Termination.MAX_STEPS)).isEmpty();
    }

    @Test
    void writesNoNotesForAnEpisodeWithoutDecisions() {
        Fixtures.Trajectory t = new Fixtures.Trajectory();
        t.end(97, 1, 0);

        assertThat(write(t.steps(), Termination.COLLISION)).isEmpty();
        assertThat(write(List.of(), Termination.COLLISION)).isEmpty();
    }

    @Test
    void statesWhatTheAgentDeclaredWhenItLeftTheJunctionWithThatConfidence() {
        Fixtures.Trajectory t = new Fixtures.Trajectory();
        t.add(85, 0, 0, null, Fixtures.decision(Maneuver.TURN_RIGHT, 1.0, MUSEUM));
        t.add(92, 0, 0, null, Fixtures.decision(Maneuver.TURN_RIGHT, 0.2, MUSEUM));
        t.add(97, 1, 0.4, null, Fixtures.decision(Maneuver.TURN_RIGHT, 0.4, MUSEUM));
        t.add(100, 4, 1.0, null, Fixtures.decision(Maneuver.TURN_LEFT, 0.6, MUSEUM));
        t.add(101, 8, 1.4, null, Fixtures.decision(Maneuver.FOLLOW_LANE, 0.8, MUSEUM));
        t.end(100, 12, Math.PI / 2);

        Note note = write(t.steps(), Termination.MAX_STEPS).getFirst();

        assertThat(note.step()).isEqualTo(1);
        assertThat(note.action())
                .as("turn_right was declared most often, but turn_left is the last junction maneuver declared")
                .isEqualTo(Maneuver.TURN_LEFT);
        assertThat(note.confidence()).isEqualTo(0.6);
        assertThat(note.truth().nextPoi()).isEqualTo(NoteWriter.NO_POI);
    }

    @Test
    void aTraversalWithoutAJunctionDeclarationStatesItsLastRecordsDeclaration() {
        Fixtures.Trajectory t = new Fixtures.Trajectory();
        t.add(85, 0, 0, null, Fixtures.decision(Maneuver.FOLLOW_LANE, 1.0, MUSEUM));
        t.add(92, 0, 0, null, Fixtures.decision(Maneuver.FOLLOW_LANE, 0.9, MUSEUM));
        t.add(97, 1, 0.4, null, Fixtures.decision(Maneuver.STOP, 0.3, MUSEUM));
        t.add(100, 4, 1.0, null, Fixtures.decision(Maneuver.FOLLOW_LANE, 0.7, MUSEUM));
        t.end(100, 12, Math.PI / 2);

        Note note = write(t.steps(), Termination.MAX_STEPS).getFirst();

        assertThat(note.action()).isEqualTo(Maneuver.FOLLOW_LANE);
        assertThat(note.confidence()).isEqualTo(0.7);
    }
}
