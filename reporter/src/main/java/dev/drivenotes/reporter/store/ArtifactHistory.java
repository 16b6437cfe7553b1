package dev.drivenotes.reporter.store;

import dev.drivenotes.model.experiment.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The completed experiments and daily aggregates of {@link ArtifactMetricsState}, as documents:
 *
 * <ul>
 *   <li>{@code completed/<day>/<experimentId>.json}: a {@link CompletedExperiment}, listed by day;
 *   <li>{@code runs/<hash of map and agent>/<day>/<epoch second>_<nano>_<experimentId>.json}: the
 *       same document, listed by configuration, so the previous run is found from the keys alone and
 *       only it is read;
 *   <li>{@code daily/<day>/<hash of map, agent and condition>.json}: a {@link DailyMetrics}; the
 *       default condition's hash is that of map and agent alone, the key documents had before daily
 *       aggregates had a condition (those documents, without one, read as the default condition), so
 *       a day rolled up again replaces its old document instead of adding a second one.
 * </ul>
 *
 * Ranges of days are read one day's folder at a time, so a read costs one listing per day of the
 * range (the reporter asks for a few weeks at most).
 */
final class ArtifactHistory {

    private static final Comparator<CompletedExperiment> BY_COMPLETION = Comparator.comparing(CompletedExperiment::day)
            .thenComparing(CompletedExperiment::completedAt)
            .thenComparing(CompletedExperiment::experimentId);

    /** A run as its key under {@code runs/} names it. */
    private record RunKey(String key, LocalDate day, Instant completedAt, String experimentId) {

        static final Comparator<RunKey> ORDER = Comparator.comparing(RunKey::day)
                .thenComparing(RunKey::completedAt)
                .thenComparing(RunKey::experimentId);

        static String of(CompletedExperiment e) {
            return "%s%s/%012d_%09d_%s.json"
                    .formatted(
                            runsFolder(e.config().map(), e.config().agent()),
                            e.day(),
                            e.completedAt().getEpochSecond(),
                            e.completedAt().getNano(),
                            e.experimentId());
        }

        /** Parses {@code runs/<hash>/<day>/<second>_<nano>_<id>.json}. */
        static RunKey parse(String key) {
            String[] segments = key.split("/");
            String name = segments[segments.length - 1];
            String[] parts = name.substring(0, name.length() - ".json".length()).split("_", 3);
            return new RunKey(
                    key,
                    LocalDate.parse(segments[segments.length - 2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    parts[2]);
        }
    }

    private final StateDocuments documents;

    ArtifactHistory(StateDocuments documents) {
        this.documents = documents;
    }

    void recordCompleted(CompletedExperiment completed) {
        documents.write("completed/" + completed.day() + "/" + completed.experimentId() + ".json", completed);
        documents.write(RunKey.of(completed), completed);
    }

    void recordDaily(DailyMetrics daily) {
        documents.write(
                "daily/" + daily.day() + "/" + configuration(daily.map(), daily.agent(), daily.condition()) + ".json",
                daily);
    }

    List<String> completedExperiments(LocalDate day, String map, String agent, String condition) {
        return completedOn(day)
                .filter(e -> map.equals(e.config().map())
                        && agent.equals(e.config().agent())
                        && condition.equals(Condition.of(e.config())))
                .map(CompletedExperiment::experimentId)
                .sorted()
                .toList();
    }

    List<CompletedExperiment> completedBetween(LocalDate from, LocalDate to) {
        return days(from, to).flatMap(this::completedOn).sorted(BY_COMPLETION).toList();
    }

    Optional<CompletedExperiment> previousCompleted(
            String map, String agent, LocalDate day, Instant completedAt, String experimentId) {
        RunKey given = new RunKey("", day, completedAt, experimentId);
        return documents.list(runsFolder(map, agent)).stream()
                .map(RunKey::parse)
                .filter(k -> !k.experimentId().equals(experimentId) && RunKey.ORDER.compare(k, given) < 0)
                .max(RunKey.ORDER)
                .map(k -> documents.read(k.key(), CompletedExperiment.class));
    }

    List<DailyMetrics> dailyBetween(LocalDate from, LocalDate to) {
        return days(from, to)
                .flatMap(day -> documents.list("daily/" + day + "/").stream())
                .map(key -> documents.read(key, DailyMetrics.class))
                .sorted(Comparator.comparing(DailyMetrics::day)
                        .thenComparing(DailyMetrics::map)
                        .thenComparing(DailyMetrics::agent)
                        .thenComparing(DailyMetrics::condition))
                .toList();
    }

    private Stream<CompletedExperiment> completedOn(LocalDate day) {
        return documents.list("completed/" + day + "/").stream()
                .map(key -> documents.read(key, CompletedExperiment.class));
    }

    private static Stream<LocalDate> days(LocalDate from, LocalDate to) {
        return from.isAfter(to) ? Stream.empty() : from.datesUntil(to.plusDays(1));
    }

    private static String runsFolder(String map, String agent) {
        return "runs/" + configuration(map, agent) + "/";
    }

    private static String configuration(String map, String agent) {
        return StateDocuments.hash(map + "\n" + agent);
    }

    private static String configuration(String map, String agent, String condition) {
        return condition.equals(Condition.DEFAULT)
                ? configuration(map, agent)
                : StateDocuments.hash(map + "\n" + agent + "\n" + condition);
    }
}
