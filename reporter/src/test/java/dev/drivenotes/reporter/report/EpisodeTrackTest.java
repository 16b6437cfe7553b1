package dev.drivenotes.reporter.report;

import static dev.drivenotes.model.testing.GroundTruthBuilder.truth;
import static dev.drivenotes.model.testing.ObservationBuilder.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.note.NoteFields;
import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.testing.GroundTruthBuilder;
import dev.drivenotes.reporter.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EpisodeTrackTest {

    /** {@code n} steps east at 0.5 m per step and 10 m/s; {@code at} changes a step's truth. */
    private static List<StepRecord> east(int n, int flagged, UnaryOperator<GroundTruthBuilder> at) {
        List<StepRecord> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GroundTruthBuilder t = truth().pose(i * 0.5, 0, 0).speedMps(10);
            GroundTruth truth = (i == flagged ? at.apply(t) : t).build();
            steps.add(new StepRecord(i, i * 0.05, observation().build(), null, truth));
        }
        return steps;
    }

    @Test
    void keepsAPathPointEveryTwoMetresAndTheLastPosition() {
        EpisodeTrack track = EpisodeTrack.of(east(101, -1, t -> t), List.of());

        assertThat(track.path()).hasSize(26);
        assertThat(track.path().getLast().x()).isEqualTo(50);
        assertThat(track.topSpeedMps()).isEqualTo(10);
    }

    @Test
    void placesEachIncidentWhereAndWhenItHappened() {
        EpisodeTrack collision = EpisodeTrack.of(east(50, 20, t -> t.collisionWith("vehicle")), List.of());
        EpisodeTrack stopSign = EpisodeTrack.of(east(50, 30, t -> t.stopSignRun()), List.of());

        assertThat(collision.incidents()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(EpisodeTrack.Kind.COLLISION);
            assertThat(i.x()).isEqualTo(10);
            assertThat(i.describe()).isEqualTo("collision with vehicle at step 20 (1.0 s)");
        });
        assertThat(stopSign.incidents())
                .extracting(EpisodeTrack.Incident::kind)
                .containsExactly(EpisodeTrack.Kind.STOP_SIGN_RUN);
    }

    @Test
    void marksANoteAtTheTruePositionOfTheStepThatCutIt() {
        Note note = Fixtures.note(
                "x",
                "x-e0",
                40,
                new NoteFields("Main Street", Maneuver.FOLLOW_LANE, "Museum"),
                new NoteFields("Main Street", Maneuver.FOLLOW_LANE, "Museum"),
                0.9);

        EpisodeTrack track = EpisodeTrack.of(east(50, -1, t -> t), List.of(note));

        assertThat(track.notes()).singleElement().satisfies(m -> {
            assertThat(m.x()).isEqualTo(20);
            assertThat(m.note().text()).isEqualTo("At Main Street, did follow_lane to reach Museum");
        });
    }

    @Test
    void samplesALongSpeedProfileDownToItsLimitKeepingTheEnd() {
        EpisodeTrack track = EpisodeTrack.of(east(6001, -1, t -> t), List.of());

        assertThat(track.speed()).hasSizeLessThanOrEqualTo(EpisodeTrack.SPEED_SAMPLES + 1);
        assertThat(track.speed().getLast().timeS()).isEqualTo(6000 * 0.05);
    }
}
