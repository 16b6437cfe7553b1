package dev.drivenotes.reporter.daily;

import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.regression.Regression;
import dev.drivenotes.reporter.regression.RegressionRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The daily report of one UTC date, written as {@code reports/daily/YYYY-MM-DD.json} (this record)
 * and {@code .html}: every configuration (map, agent and condition) that ran that day, with its experiments,
 * its trends over the trailing {@code trendDays} days and its regressions. A share without a
 * denominator is null, never 0.
 *
 * @param date the UTC date
 * @param generatedAt when this version was written (it is rewritten as the day's experiments complete)
 * @param rule the regression rule the bands and regressions follow
 * @param trendDays days the trends span, ending with {@code date}
 * @param configurations one per map, agent and condition, by map, agent then condition
 * @param regressions every configuration's regressions of the day
 */
public record DailyReport(
        LocalDate date,
        String generatedAt,
        RegressionRule rule,
        int trendDays,
        List<Configuration> configurations,
        List<Regression> regressions) {

    public DailyReport {
        configurations = List.copyOf(configurations);
        regressions = List.copyOf(regressions);
    }

    /**
     * One configuration's day.
     *
     * @param condition the experiments' condition ({@link dev.drivenotes.model.experiment.Condition}):
     *     days under different conditions are separate configurations, each with its own trend and
     *     regressions
     * @param day the aggregate of its experiments of the day (the {@code metrics_daily} row)
     * @param experiments its experiments of the day, by completion
     * @param trend one point per day of the trend window, oldest first
     * @param regressions its metrics of the day below their band
     */
    public record Configuration(
            String map,
            String agent,
            String condition,
            Figures day,
            List<ExperimentRow> experiments,
            List<TrendPoint> trend,
            List<Regression> regressions) {
        public Configuration {
            experiments = List.copyOf(experiments);
            trend = List.copyOf(trend);
            regressions = List.copyOf(regressions);
        }
    }

    /** The headline figures of an experiment or of a configuration's day. */
    public record Figures(
            int experiments,
            int episodes,
            int noteCount,
            Double locationAccuracy,
            Double actionAccuracy,
            Double destinationAccuracy,
            Double allThreeAccuracy,
            Double validationRate,
            Double meanConfidence,
            Double expectedCalibrationError,
            double routeCompletion,
            double drivingScore,
            int collisions,
            int laneInvasions,
            int offRoadCount) {

        static Figures of(int experiments, Scorecard card) {
            NoteMetrics n = card.notes();
            boolean none = n.noteCount() == 0;
            return new Figures(
                    experiments,
                    card.driving().episodes(),
                    n.noteCount(),
                    none ? null : n.locationAccuracy(),
                    none ? null : n.actionAccuracy(),
                    none ? null : n.destinationAccuracy(),
                    none ? null : n.allThreeAccuracy(),
                    none ? null : n.validationRate(),
                    none ? null : n.meanConfidence(),
                    NoteScorer.expectedCalibrationError(n.calibration()),
                    card.driving().routeCompletion(),
                    card.driving().drivingScore(),
                    card.driving().collisions(),
                    card.driving().laneInvasions(),
                    card.driving().offRoadCount());
        }
    }

    /** One experiment of the day, its conditions and figures. */
    public record ExperimentRow(
            String experimentId, String name, String completedAt, Conditions conditions, Figures figures) {}

    /** What an experiment ran under (its seeds and the conditions that change what is driven). */
    public record Conditions(
            int episodes, List<Long> seeds, String weather, int npcCount, double gnssNoiseM, int maxSteps) {
        public Conditions {
            seeds = List.copyOf(seeds);
        }
    }

    /**
     * One day of a trend.
     *
     * @param values each watched metric's daily value (null without data or without notes)
     * @param bands each metric's band from its trailing days (null with too few of them)
     */
    public record TrendPoint(LocalDate day, Map<String, Double> values, Map<String, RegressionRule.Band> bands) {}
}
