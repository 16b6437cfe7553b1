package dev.drivenotes.reporter.report;

import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.reporter.store.CompletedExperiment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * An experiment against the previous run of the same configuration (map and agent): which run that
 * was, which conditions differed, and every headline metric before and after. {@code worse} names
 * the metrics that moved the wrong way.
 *
 * @param experimentId the previous run
 * @param name its name
 * @param day the day it counted for
 * @param completedAt when it completed
 * @param conditions the conditions that differ (seeds, traffic, GNSS noise, ...)
 * @param metrics every compared metric
 * @param worse the names of the metrics that got worse, in {@code metrics} order
 */
public record Comparison(
        String experimentId,
        String name,
        LocalDate day,
        String completedAt,
        List<Condition> conditions,
        List<MetricChange> metrics,
        List<String> worse) {

    /** A condition that differs between the runs, each side as text. */
    public record Condition(String condition, String previous, String current) {}

    /**
     * One metric before and after; {@code change} is current − previous, null when either is n/a.
     *
     * @param higherIsBetter false for error rates and infractions per episode
     * @param worse moved the wrong way (by more than rounding noise)
     */
    public record MetricChange(
            String metric, Double previous, Double current, Double change, boolean higherIsBetter, boolean worse) {}

    public Comparison {
        conditions = List.copyOf(conditions);
        metrics = List.copyOf(metrics);
        worse = List.copyOf(worse);
    }

    /** Changes smaller than this are rounding noise, not a change. */
    static final double NOISE = 1e-9;

    /** A compared metric: its report name, how to read it, and which way is better. */
    private record Measure(String name, Function<ExperimentReport.Metrics, Double> read, boolean higherIsBetter) {}

    private static final List<Measure> MEASURES = List.of(
            new Measure("locationAccuracy", ExperimentReport.Metrics::locationAccuracy, true),
            new Measure("actionAccuracy", ExperimentReport.Metrics::actionAccuracy, true),
            new Measure("destinationAccuracy", ExperimentReport.Metrics::destinationAccuracy, true),
            new Measure("allThreeAccuracy", ExperimentReport.Metrics::allThreeAccuracy, true),
            new Measure("validationRate", ExperimentReport.Metrics::validationRate, true),
            new Measure("expectedCalibrationError", ExperimentReport.Metrics::expectedCalibrationError, false),
            new Measure("locationErrorM", ExperimentReport.Metrics::locationErrorM, false),
            new Measure("drivingScore", m -> m.drivingScore(), true),
            new Measure("routeCompletion", m -> m.routeCompletion(), true),
            new Measure("collisionsPerEpisode", perEpisode(Infractions::collisions), false),
            new Measure("redLightRunsPerEpisode", perEpisode(Infractions::redLightRuns), false),
            new Measure("stopSignRunsPerEpisode", perEpisode(Infractions::stopSignRuns), false),
            new Measure("laneInvasionsPerEpisode", m -> (double) m.laneInvasions() / m.episodes(), false));

    static Comparison between(
            CompletedExperiment previous,
            ExperimentReport.Metrics before,
            ExperimentConfig current,
            ExperimentReport.Metrics after) {
        List<MetricChange> changes = new ArrayList<>();
        for (Measure measure : MEASURES) {
            Double was = measure.read().apply(before);
            Double is = measure.read().apply(after);
            Double change = was == null || is == null ? null : is - was;
            boolean worse = change != null && (measure.higherIsBetter() ? change < -NOISE : change > NOISE);
            changes.add(new MetricChange(measure.name(), was, is, change, measure.higherIsBetter(), worse));
        }
        return new Comparison(
                previous.experimentId(),
                previous.config().name(),
                previous.day(),
                previous.completedAt().toString(),
                conditions(previous.config(), current),
                changes,
                changes.stream()
                        .filter(MetricChange::worse)
                        .map(MetricChange::metric)
                        .toList());
    }

    /** The conditions that decide what is driven and noted (not the name, day or parallelism). */
    static List<Condition> conditions(ExperimentConfig was, ExperimentConfig is) {
        List<Condition> differ = new ArrayList<>();
        compare(differ, "episodes", was, is, ExperimentConfig::episodes);
        compare(differ, "seeds", was, is, ExperimentConfig::episodeSeeds);
        compare(differ, "routes", was, is, ExperimentConfig::routes);
        compare(differ, "maxSteps", was, is, ExperimentConfig::maxSteps);
        compare(differ, "npcCount", was, is, ExperimentConfig::npcCount);
        compare(differ, "gnssNoiseM", was, is, ExperimentConfig::gnssNoiseM);
        compare(differ, "gnssDropoutRate", was, is, ExperimentConfig::gnssDropoutRate);
        compare(differ, "fixedDeltaSeconds", was, is, ExperimentConfig::fixedDeltaSeconds);
        compare(differ, "weather", was, is, ExperimentConfig::weather);
        compare(differ, "birdEyeSizePx", was, is, ExperimentConfig::birdEyeSizePx);
        return differ;
    }

    private static void compare(
            List<Condition> differ,
            String condition,
            ExperimentConfig was,
            ExperimentConfig is,
            Function<ExperimentConfig, Object> read) {
        Object before = read.apply(was);
        Object after = read.apply(is);
        if (!Objects.equals(before, after)) {
            differ.add(new Condition(condition, String.valueOf(before), String.valueOf(after)));
        }
    }

    private static Function<ExperimentReport.Metrics, Double> perEpisode(ToIntFunction<Infractions> count) {
        return m -> (double) count.applyAsInt(m.infractions()) / m.episodes();
    }
}
