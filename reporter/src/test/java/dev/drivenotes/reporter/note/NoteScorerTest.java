package dev.drivenotes.reporter.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.experiment.DrivingScore;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.reporter.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteScorerTest {

    private static final NoteFields TRUTH = new NoteFields("A", Maneuver.TURN_LEFT, "P");

    private static Note note(NoteFields agent, double confidence) {
        return Fixtures.note("x", "x-e0", 0, agent, TRUTH, confidence);
    }

    @Test
    void scoresEachFieldAndAllThree() {
        List<Note> notes = List.of(
                note(TRUTH, 0.9),
                note(new NoteFields("B", Maneuver.TURN_LEFT, "P"), 0.5),
                note(new NoteFields("A", Maneuver.GO_STRAIGHT, "Q"), 0.1),
                note(new NoteFields("A", Maneuver.TURN_LEFT, "Q"), 1.0));

        NoteMetrics m = NoteScorer.scoreNotes(notes);

        assertThat(m.noteCount()).isEqualTo(4);
        assertThat(m.locationAccuracy()).isEqualTo(0.75);
        assertThat(m.actionAccuracy()).isEqualTo(0.75);
        assertThat(m.destinationAccuracy()).isEqualTo(0.5);
        assertThat(m.allThreeAccuracy()).isEqualTo(0.25);
        assertThat(m.meanConfidence()).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void calibratesAllThreeAccuracyPerConfidenceBucket() {
        List<Note> notes = List.of(
                note(TRUTH, 0.9),
                note(TRUTH, 1.0),
                note(new NoteFields("B", Maneuver.TURN_LEFT, "P"), 0.85),
                note(new NoteFields("B", Maneuver.TURN_LEFT, "P"), 0.1));

        List<CalibrationBucket> buckets = NoteScorer.scoreNotes(notes).calibration();

        assertThat(buckets).extracting(CalibrationBucket::minConfidence).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8);
        assertThat(buckets).extracting(CalibrationBucket::maxConfidence).containsExactly(0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(buckets).extracting(CalibrationBucket::noteCount).containsExactly(1, 0, 0, 0, 3);
        assertThat(buckets.get(4).accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(buckets.get(0).accuracy()).isZero();
    }

    @Test
    void expectedCalibrationErrorWeighsEachBucketsGapByItsNotes() {
        List<Note> notes = List.of(
                note(TRUTH, 0.9),
                note(TRUTH, 1.0),
                note(new NoteFields("B", Maneuver.TURN_LEFT, "P"), 0.85),
                note(new NoteFields("B", Maneuver.TURN_LEFT, "P"), 0.1));

        Double ece =
                NoteScorer.expectedCalibrationError(NoteScorer.scoreNotes(notes).calibration());

        // bucket 0.8-1.0: 3 notes, accuracy 2/3, mean confidence 0.9167; bucket 0-0.2: 1 note, 0 vs 0.1
        double top = Math.abs(2.0 / 3 - (0.9 + 1.0 + 0.85) / 3);
        assertThat(ece).isCloseTo((3 * top + 0.1) / 4, within(1e-12));
        assertThat(NoteScorer.expectedCalibrationError(
                        NoteScorer.scoreNotes(List.of()).calibration()))
                .as("no notes, no calibration error")
                .isNull();
    }

    @Test
    void scoresNoNotesAsZeroWithNoteCountZero() {
        NoteMetrics m = NoteScorer.scoreNotes(List.of());

        assertThat(m.noteCount()).isZero();
        assertThat(List.of(
                        m.locationAccuracy(),
                        m.actionAccuracy(),
                        m.destinationAccuracy(),
                        m.allThreeAccuracy(),
                        m.validationRate(),
                        m.meanConfidence()))
                .containsOnly(0.0);
        assertThat(m.calibration())
                .hasSize(5)
                .allSatisfy(b -> assertThat(b.noteCount()).isZero());
    }

    @Test
    void penalisesEachCollisionInTheDrivingScore() {
        EpisodeSummary clean = Fixtures.summary("x-e0", 0, Termination.REACHED_DESTINATION);
        EpisodeSummary crashed = new EpisodeSummary(
                "x-e1",
                1,
                7,
                100,
                Termination.COLLISION,
                0.5,
                new Infractions(0, 2, 0, 0, 0),
                1,
                true,
                4.0,
                180,
                "Main Street",
                "Museum",
                0,
                0,
                null,
                null);

        DrivingMetrics d = NoteScorer.scoreDriving(List.of(clean, crashed));

        assertThat(DrivingScore.of(crashed)).isCloseTo(0.5 * 0.60 * 0.60, within(1e-12));
        assertThat(d.episodes()).isEqualTo(2);
        assertThat(d.routeCompletion()).isEqualTo(0.75);
        assertThat(d.collisions()).isEqualTo(2);
        assertThat(d.laneInvasions()).isEqualTo(1);
        assertThat(d.offRoadCount()).isEqualTo(1);
        assertThat(d.meanSpeedMps()).isEqualTo(5.25);
        assertThat(d.drivingScore()).isCloseTo((1.0 + 0.5 * 0.60 * 0.60) / 2, within(1e-12));
    }

    @Test
    void meanDrivingScoreCountsEveryKindOfInfraction() {
        EpisodeSummary ranLightsAndAStopSign = new EpisodeSummary(
                "x-e2",
                2,
                8,
                100,
                Termination.REACHED_DESTINATION,
                1.0,
                new Infractions(1, 0, 1, 2, 1),
                0,
                false,
                6.0,
                300,
                "Main Street",
                "Museum",
                0,
                0,
                null,
                null);

        DrivingMetrics d = NoteScorer.scoreDriving(List.of(ranLightsAndAStopSign));

        assertThat(d.collisions()).isEqualTo(2);
        assertThat(d.drivingScore()).isCloseTo(0.50 * 0.65 * 0.70 * 0.70 * 0.80, within(1e-12));
    }

    @Test
    void scoresNoEpisodesAsZero() {
        DrivingMetrics d = NoteScorer.scoreDriving(List.of());

        assertThat(d.episodes()).isZero();
        assertThat(d.drivingScore()).isZero();
        assertThat(d.meanSpeedMps()).isZero();
    }
}
