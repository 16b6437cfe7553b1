package dev.drivenotes.reporter.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.DailyMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionRuleTest {

    private static final RegressionRule RULE = new RegressionRule(2, 7, 5, 0.01);
    private static final LocalDate DAY = LocalDate.parse("2026-01-08");

    private static DailyMetrics day(LocalDate day, int notes, double locationAccuracy, double drivingScore) {
        return new DailyMetrics(
                day,
                "default-town",
                "dreamer",
                Condition.DEFAULT,
                1,
                new Scorecard(
                        new NoteMetrics(notes, locationAccuracy, 1, 1, locationAccuracy, 1, 0.8, List.of()),
                        new DrivingMetrics(2, 1, 0, 0, 0, 5, drivingScore)));
    }

    @Test
    void theBandIsTheTrailingMeanLessSigmasSampleDeviations() {
        RegressionRule.Band band = RULE.band(List.of(0.8, 0.9, 0.85, 0.95, 0.9));

        double mean = 0.88;
        double sd = Math.sqrt((0.0064 + 0.0004 + 0.0009 + 0.0049 + 0.0004) / 4);
        assertThat(band.mean()).isCloseTo(mean, within(1e-12));
        assertThat(band.stdDev()).isCloseTo(sd, within(1e-12));
        assertThat(band.lower()).isCloseTo(mean - 2 * sd, within(1e-12));
        assertThat(band.upper()).isCloseTo(mean + 2 * sd, within(1e-12));
        assertThat(band.days()).isEqualTo(5);
    }

    @Test
    void aFlatHistoryStillNeedsTheMinimumDropAndTooFewDaysGiveNoBand() {
        RegressionRule.Band flat = RULE.band(List.of(0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9));

        assertThat(flat.stdDev()).isZero();
        assertThat(flat.below(0.895)).as("rounding noise under a flat line").isFalse();
        assertThat(flat.below(0.88)).isTrue();
        assertThat(RULE.band(List.of(0.9, 0.9, 0.9, 0.9)))
                .as("4 of the 5 days needed")
                .isNull();
    }

    @Test
    void rejectsARuleThatCannotWork() {
        assertThatThrownBy(() -> new RegressionRule(2, 7, 8, 0.01))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("minDays"));
        assertThatThrownBy(() -> new RegressionRule(0, 7, 5, 0.01))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sigmas"));
    }

    @Test
    void flagsOnlyTheMetricsOfTheDayBelowTheirBandFromTheWindowBeforeIt() {
        List<DailyMetrics> history = new ArrayList<>();
        history.add(day(DAY.minusDays(8), 3, 0.1, 0.1)); // outside the 7-day window
        for (int d = 1; d <= 7; d++) {
            history.add(day(DAY.minusDays(d), 3, 0.9 + (d % 2) * 0.02, 0.7 + (d % 2) * 0.02));
        }
        DailyMetrics worse = day(DAY, 3, 0.4, 0.7);

        List<Regression> found = RegressionCheck.check(RULE, worse, history);

        assertThat(found).extracting(Regression::metric).containsExactly("locationAccuracy", "allThreeAccuracy");
        Regression location = found.getFirst();
        assertThat(location.value()).isEqualTo(0.4);
        assertThat(location.daysInWindow()).isEqualTo(7);
        assertThat(location.trailingMean()).isCloseTo((4 * 0.92 + 3 * 0.9) / 7, within(1e-12));
        assertThat(location.threshold()).isLessThan(location.trailingMean());
    }

    @Test
    void comparesADayOnlyWithDaysOfTheSameMapAgentAndCondition() {
        String noisy = "gnss8m-drop0-npc0-aggr0.5-dt0.05";
        List<DailyMetrics> history = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            history.add(day(DAY.minusDays(d), 3, 0.9, 0.7));
            DailyMetrics hard = day(DAY.minusDays(d), 3, 0.3, 0.7);
            history.add(new DailyMetrics(
                    hard.day(), hard.map(), hard.agent(), noisy, hard.experiments(), hard.scorecard()));
        }
        DailyMetrics today = day(DAY, 3, 0.4, 0.7);
        DailyMetrics noisyToday = new DailyMetrics(DAY, "default-town", "dreamer", noisy, 1, today.scorecard());

        assertThat(RegressionCheck.check(RULE, noisyToday, history))
                .as("0.4 under 8 m noise is better than its own trailing 0.3")
                .isEmpty();
        assertThat(RegressionCheck.check(RULE, today, history))
                .as("0.4 under the default condition is below its own trailing 0.9")
                .extracting(Regression::metric, Regression::condition)
                .contains(org.assertj.core.groups.Tuple.tuple("locationAccuracy", Condition.DEFAULT));
        assertThat(RegressionCheck.band(RULE, DailyMetric.LOCATION_ACCURACY, DAY, history)
                        .days())
                .as("band() itself takes the rows it is given")
                .isEqualTo(14);
    }

    @Test
    void aDayWithoutNotesHasNoAccuracyToRegress() {
        List<DailyMetrics> history = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            history.add(day(DAY.minusDays(d), 3, 0.9, 0.7));
        }

        assertThat(RegressionCheck.check(RULE, day(DAY, 0, 0, 0.7), history)).isEmpty();
        assertThat(RegressionCheck.check(RULE, day(DAY, 0, 0, 0.2), history))
                .extracting(Regression::metric)
                .containsExactly("drivingScore");
    }
}
