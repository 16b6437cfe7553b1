package dev.drivenotes.model.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.sim.GroundTruth;
import dev.drivenotes.model.sim.Pose;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DrivingScoreTest {

    @Test
    void multipliesRouteCompletionByTheLeaderboardFactorOfEachInfraction() {
        assertThat(DrivingScore.of(0.8, Infractions.NONE)).isEqualTo(0.8);
        assertThat(DrivingScore.of(1.0, new Infractions(1, 0, 0, 0, 0))).isCloseTo(0.50, within(1e-15));
        assertThat(DrivingScore.of(1.0, new Infractions(0, 1, 0, 0, 0))).isCloseTo(0.60, within(1e-15));
        assertThat(DrivingScore.of(1.0, new Infractions(0, 0, 1, 0, 0))).isCloseTo(0.65, within(1e-15));
        assertThat(DrivingScore.of(1.0, new Infractions(0, 0, 0, 1, 0))).isCloseTo(0.70, within(1e-15));
        assertThat(DrivingScore.of(1.0, new Infractions(0, 0, 0, 0, 1))).isCloseTo(0.80, within(1e-15));
        // every occurrence counts, not just the first of a kind
        assertThat(DrivingScore.of(0.5, new Infractions(0, 2, 1, 3, 2)))
                .isCloseTo(0.5 * 0.6 * 0.6 * 0.65 * 0.7 * 0.7 * 0.7 * 0.8 * 0.8, within(1e-15));
    }

    @Property
    void anotherInfractionNeverRaisesTheScore(
            @ForAll @DoubleRange(min = 0, max = 1) double routeCompletion,
            @ForAll @IntRange(max = 5) int pedestrian,
            @ForAll @IntRange(max = 5) int vehicle,
            @ForAll @IntRange(max = 5) int layout,
            @ForAll @IntRange(max = 5) int redLights,
            @ForAll @IntRange(max = 5) int stopSigns,
            @ForAll @IntRange(max = 4) int kind) {
        Infractions before = new Infractions(pedestrian, vehicle, layout, redLights, stopSigns);
        Infractions one = new Infractions(
                kind == 0 ? 1 : 0, kind == 1 ? 1 : 0, kind == 2 ? 1 : 0, kind == 3 ? 1 : 0, kind == 4 ? 1 : 0);

        double score = DrivingScore.of(routeCompletion, before);
        double after = DrivingScore.of(routeCompletion, before.plus(one));

        assertThat(score).isBetween(0.0, routeCompletion);
        assertThat(after).isLessThanOrEqualTo(score);
        assertThat(after).isCloseTo(score * DrivingScore.penalty(one), within(1e-12));
    }

    @Test
    void countsAStepsCollisionByWhatWasHit() {
        assertThat(Infractions.of(truth(true, "vehicle", false, false))).isEqualTo(new Infractions(0, 1, 0, 0, 0));
        assertThat(Infractions.of(truth(true, "pedestrian", false, false))).isEqualTo(new Infractions(1, 0, 0, 0, 0));
        assertThat(Infractions.of(truth(true, "static", false, false))).isEqualTo(new Infractions(0, 0, 1, 0, 0));
        // a partner the simulator could not name counts as the layout, as the leaderboard does
        assertThat(Infractions.of(truth(true, null, false, false))).isEqualTo(new Infractions(0, 0, 1, 0, 0));
        assertThat(Infractions.of(truth(false, null, true, true))).isEqualTo(new Infractions(0, 0, 0, 1, 1));
        assertThat(Infractions.of(truth(false, null, false, false))).isEqualTo(Infractions.NONE);
    }

    @Test
    void anEpisodesScoreIsItsRouteCompletionTimesItsPenalty() {
        EpisodeSummary episode = new EpisodeSummary(
                "x-e0",
                0,
                1,
                10,
                dev.drivenotes.model.sim.Termination.MAX_STEPS,
                0.9,
                new Infractions(0, 1, 0, 1, 0),
                0,
                false,
                5,
                100,
                "A",
                "B",
                0,
                0,
                null,
                null);

        assertThat(episode.collisions()).isEqualTo(1);
        assertThat(DrivingScore.of(episode)).isCloseTo(0.9 * 0.6 * 0.7, within(1e-15));
    }

    private static GroundTruth truth(boolean collision, String with, boolean redLight, boolean stopSign) {
        return new GroundTruth(
                new Pose(0, 0, 0),
                1,
                "1",
                -1,
                null,
                "Main St",
                0.5,
                collision,
                false,
                false,
                with,
                redLight,
                false,
                stopSign,
                null);
    }
}
