package dev.drivenotes.reporter.daily;

import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.reporter.regression.DailyMetric;
import dev.drivenotes.reporter.regression.Regression;
import dev.drivenotes.reporter.regression.RegressionCheck;
import dev.drivenotes.reporter.regression.RegressionRule;
import dev.drivenotes.reporter.store.CompletedExperiment;
import dev.drivenotes.reporter.store.DailyMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Builds a {@link DailyReport} from stored experiments and daily rows. Pure. */
final class DailyReportAssembler {

    private DailyReportAssembler() {}

    /**
     * @param experiments the experiments completed on {@code date}
     * @param history daily rows from {@link #historyFrom} through {@code date}, every configuration
     */
    static DailyReport assemble(
            LocalDate date,
            Instant generatedAt,
            RegressionRule rule,
            int trendDays,
            List<CompletedExperiment> experiments,
            List<DailyMetrics> history) {
        record Key(String map, String agent, String condition) {
            static Key of(CompletedExperiment e) {
                return new Key(e.config().map(), e.config().agent(), Condition.of(e.config()));
            }

            static Key of(DailyMetrics d) {
                return new Key(d.map(), d.agent(), d.condition());
            }
        }
        TreeSet<Key> keys = new TreeSet<>(
                Comparator.comparing(Key::map).thenComparing(Key::agent).thenComparing(Key::condition));
        history.stream().filter(d -> d.day().equals(date)).forEach(d -> keys.add(Key.of(d)));
        experiments.forEach(e -> keys.add(Key.of(e)));
        List<DailyReport.Configuration> configurations = new ArrayList<>();
        List<Regression> regressions = new ArrayList<>();
        for (Key key : keys) {
            List<DailyMetrics> own =
                    history.stream().filter(d -> Key.of(d).equals(key)).toList();
            List<CompletedExperiment> ran =
                    experiments.stream().filter(e -> Key.of(e).equals(key)).toList();
            DailyReport.Configuration c =
                    configuration(date, rule, trendDays, key.map(), key.agent(), key.condition(), own, ran);
            configurations.add(c);
            regressions.addAll(c.regressions());
        }
        return new DailyReport(date, generatedAt.toString(), rule, trendDays, configurations, regressions);
    }

    /** The first day whose row the report reads: the trend's first day less the regression window. */
    static LocalDate historyFrom(LocalDate date, int trendDays, RegressionRule rule) {
        return date.minusDays(trendDays - 1L + rule.windowDays());
    }

    private static DailyReport.Configuration configuration(
            LocalDate date,
            RegressionRule rule,
            int trendDays,
            String map,
            String agent,
            String condition,
            List<DailyMetrics> history,
            List<CompletedExperiment> ran) {
        Optional<DailyMetrics> today =
                history.stream().filter(d -> d.day().equals(date)).findFirst();
        List<DailyReport.TrendPoint> trend = IntStream.range(0, trendDays)
                .mapToObj(i -> date.minusDays(trendDays - 1L - i))
                .map(day -> point(day, rule, history))
                .toList();
        return new DailyReport.Configuration(
                map,
                agent,
                condition,
                today.map(d -> DailyReport.Figures.of(d.experiments(), d.scorecard()))
                        .orElse(null),
                ran.stream().map(DailyReportAssembler::row).toList(),
                trend,
                today.map(d -> RegressionCheck.check(rule, d, history)).orElse(List.of()));
    }

    private static DailyReport.TrendPoint point(LocalDate day, RegressionRule rule, List<DailyMetrics> history) {
        Optional<DailyMetrics> row =
                history.stream().filter(d -> d.day().equals(day)).findFirst();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, RegressionRule.Band> bands = new LinkedHashMap<>();
        for (DailyMetric metric : DailyMetric.values()) {
            values.put(metric.key(), row.map(d -> metric.of(d.scorecard())).orElse(null));
            bands.put(metric.key(), RegressionCheck.band(rule, metric, day, history));
        }
        return new DailyReport.TrendPoint(day, Collections.unmodifiableMap(values), Collections.unmodifiableMap(bands));
    }

    private static DailyReport.ExperimentRow row(CompletedExperiment e) {
        ExperimentConfig c = e.config();
        return new DailyReport.ExperimentRow(
                e.experimentId(),
                c.name(),
                e.completedAt().toString(),
                new DailyReport.Conditions(
                        c.episodes(), c.episodeSeeds(), c.weather(), c.npcCount(), c.gnssNoiseM(), c.maxSteps()),
                DailyReport.Figures.of(1, e.scorecard()));
    }
}
