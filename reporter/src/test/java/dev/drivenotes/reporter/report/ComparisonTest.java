package dev.drivenotes.reporter.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.CompletedExperiment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static ExperimentReport.Metrics metrics(double action, double ece, int redLights, int notes) {
        return metrics(action, ece, redLights, notes, 0.6);
    }

    private static ExperimentReport.Metrics metrics(
            double action, double ece, int redLights, int notes, double locationErrorM) {
        return new ExperimentReport.Metrics(
                notes,
                notes == 0 ? null : 0.9,
                notes == 0 ? null : action,
                notes == 0 ? null : 1.0,
                notes == 0 ? null : action,
                notes == 0 ? null : 1.0,
                notes == 0 ? null : 0.8,
                notes == 0 ? null : ece,
                null,
                null,
                null,
                null,
                null,
                notes == 0 ? null : locationErrorM,
                null,
                2,
                1,
                0.8,
                0,
                new Infractions(0, 0, 0, redLights, 0),
                0,
                0,
                5);
    }

    private static final CompletedExperiment PREVIOUS = new CompletedExperiment(
            "x1",
            ExperimentConfig.of("daily", 2),
            LocalDate.parse("2026-01-07"),
            Instant.parse("2026-01-07T12:00:00Z"),
            new Scorecard(new NoteMetrics(0, 0, 0, 0, 0, 0, 0, List.of()), new DrivingMetrics(2, 1, 0, 0, 0, 5, 0.8)));

    @Test
    void aRisingErrorOrInfractionRateIsWorseAsIsAFallingAccuracy() {
        Comparison c = Comparison.between(
                PREVIOUS, metrics(0.9, 0.05, 0, 10), ExperimentConfig.of("daily", 2), metrics(0.7, 0.2, 2, 10));

        assertThat(c.worse())
                .containsExactly(
                        "actionAccuracy", "allThreeAccuracy", "expectedCalibrationError", "redLightRunsPerEpisode");
        assertThat(c.metrics())
                .filteredOn(m -> m.metric().equals("redLightRunsPerEpisode"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.previous()).isEqualTo(0.0);
                    assertThat(m.current()).isEqualTo(1.0);
                    assertThat(m.higherIsBetter()).isFalse();
                });
        assertThat(c.conditions()).isEmpty();
    }

    @Test
    void aLargerLocalisationErrorIsWorseAndASmallerOneIsNot() {
        ExperimentConfig config = ExperimentConfig.of("daily", 2);

        Comparison lost =
                Comparison.between(PREVIOUS, metrics(0.9, 0.05, 0, 10, 0.6), config, metrics(0.9, 0.05, 0, 10, 0.9));
        Comparison found =
                Comparison.between(PREVIOUS, metrics(0.9, 0.05, 0, 10, 0.9), config, metrics(0.9, 0.05, 0, 10, 0.6));

        assertThat(lost.worse()).containsExactly("locationErrorM");
        assertThat(ComparisonSection.name("locationErrorM")).isEqualTo("localisation error (m)");
        assertThat(ComparisonSection.name("allThreeAccuracy")).isEqualTo("all-three accuracy");
        assertThat(found.worse()).isEmpty();
        assertThat(found.metrics())
                .filteredOn(m -> m.metric().equals("locationErrorM"))
                .singleElement()
                .satisfies(m -> assertThat(m.higherIsBetter()).isFalse());
    }

    @Test
    void aShareWithoutNotesOnEitherSideIsNotComparedAndNotWorse() {
        Comparison c = Comparison.between(
                PREVIOUS, metrics(0.9, 0.05, 0, 10), ExperimentConfig.of("daily", 2), metrics(0, 0, 0, 0));

        assertThat(c.metrics())
                .filteredOn(m -> m.metric().equals("actionAccuracy"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.current()).isNull();
                    assertThat(m.change()).isNull();
                    assertThat(m.worse()).isFalse();
                });
        assertThat(c.worse()).isEmpty();
    }

    @Test
    void namesTheConditionsThatDifferButNotTheNameOrDay() {
        ExperimentConfig noisy = ExperimentConfigBuilder.experiment("other-name")
                .episodes(2)
                .seed(5L)
                .npcCount(20)
                .gnssNoiseM(8.0)
                .gnssDropoutRate(0.2)
                .parallelEpisodes(2)
                .day(LocalDate.parse("2026-01-08"))
                .build();

        assertThat(Comparison.conditions(PREVIOUS.config(), noisy))
                .extracting(Comparison.Condition::condition)
                .containsExactly("seeds", "npcCount", "gnssNoiseM", "gnssDropoutRate");
    }
}
