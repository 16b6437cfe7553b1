package dev.drivenotes.reporter.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.AccuracyRegression;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.map.MapPoint;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.port.ArtifactKeys;
import dev.drivenotes.model.port.ArtifactStore;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.report.ExperimentReporter;
import dev.drivenotes.reporter.report.TestReporters;
import dev.drivenotes.reporter.store.MetricsSink;
import dev.drivenotes.reporter.store.StateStores;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Seven experiments of one configuration on seven consecutive dates, then an eighth whose agent is
 * lost at the junction (its GNSS puts it at the Bakery, as a large GNSS noise would): the eighth
 * raises AccuracyRegression and appears in its daily report, none of the first seven does. Alike in
 * the DuckDB file and in the documents of profile {@code gcp}.
 */
class RegressionOverDaysTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    /** Where the lost agent believes it is at the junction: the Bakery, 50 m before it. */
    private static final MapPoint LOST = new MapPoint(50, 0);
    /** The condition of every run at 1 m GNSS noise (the other settings are defaults). */
    private static final String GNSS_1M = "gnss1m-drop0-npc0-aggr0.5-dt0.05";
    /** The condition of the runs at 8 m GNSS noise. */
    private static final String GNSS_8M = "gnss8m-drop0-npc0-aggr0.5-dt0.05";

    @TempDir
    Path dir;

    private StateStores.Opened opened;
    private MetricsSink sink;
    private ArtifactStore artifacts;
    private final List<EventEnvelope> published = new CopyOnWriteArrayList<>();
    /** Set to make the next daily report write fail, as a crash there would. */
    private final AtomicBoolean failNextDailyReport = new AtomicBoolean();

    private ExperimentReporter reporter;

    private void open(StateStores store) {
        opened = store.open(dir);
        sink = opened.sink();
        artifacts = opened.artifacts();
        reporter = TestReporters.create(
                sink,
                new FailingDailyReports(artifacts, failNextDailyReport),
                event -> {
                    published.add(event);
                    return CompletableFuture.completedFuture(null);
                },
                Clock.fixed(Instant.parse("2026-01-09T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    /** Fails one daily report write when asked to; everything else goes to {@code store}. */
    private record FailingDailyReports(ArtifactStore store, AtomicBoolean failNext) implements ArtifactStore {
        @Override
        public URI put(String key, byte[] content, String contentType) {
            if (key.startsWith("reports/daily/") && failNext.getAndSet(false)) {
                throw new IllegalStateException("crashed writing " + key);
            }
            return store.put(key, content, contentType);
        }

        @Override
        public byte[] get(URI uri) {
            return store.get(uri);
        }

        @Override
        public URI uriOf(String key) {
            return store.uriOf(key);
        }

        @Override
        public List<String> list(String folder) {
            return store.list(folder);
        }
    }

    /** Runs the configuration's experiment of {@code date}: its episode, notes and completion. */
    private void runOn(LocalDate date, double gnssNoiseM, MapPoint junctionGnss) {
        // the experiments ran in one afternoon; their config's day decides where they count
        TestReporters.report(
                reporter,
                recordRun(date, gnssNoiseM, junctionGnss),
                Instant.parse("2026-01-09T12:00:00Z").plusSeconds(60L * published.size()));
    }

    /** Records the experiment of {@code date}'s episode and notes; returns its completion. */
    private ExperimentCompleted recordRun(LocalDate date, double gnssNoiseM, MapPoint junctionGnss) {
        String id = "run-" + date + (gnssNoiseM == 1.0 ? "" : "-gnss" + (int) gnssNoiseM + "m");
        ExperimentConfig config = ExperimentConfigBuilder.experiment("daily")
                .agent("dreamer")
                .episodes(1)
                .gnssNoiseM(gnssNoiseM)
                .day(date)
                .build();
        EpisodeSummary summary = Fixtures.summary(id + "-e0", 0, Termination.REACHED_DESTINATION);
        List<Note> notes = new NoteWriter(Fixtures.MATCHER)
                .write(id, summary, Fixtures.leftTurn(Maneuver.TURN_LEFT, junctionGnss));
        sink.recordEpisode(
                new EpisodeCompleted(id, config.map(), "file:/nowhere/" + id, summary, null),
                notes,
                NoteScorer.score(List.of(summary), notes));
        return new ExperimentCompleted(id, config, List.of(summary), null);
    }

    private List<AccuracyRegression> regressions() {
        return published.stream()
                .map(EventEnvelope::payload)
                .filter(AccuracyRegression.class::isInstance)
                .map(AccuracyRegression.class::cast)
                .toList();
    }

    private JsonNode daily(LocalDate date) {
        return Json.mapper().readTree(artifacts.get(artifacts.uriOf(ArtifactKeys.dailyReportJson(date))));
    }

    private String dailyHtml(LocalDate date) {
        return new String(artifacts.get(artifacts.uriOf(ArtifactKeys.dailyReportHtml(date))), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void theEighthDayMadeWorseRaisesAccuracyRegressionAndNoneOfTheFirstSevenDoes(StateStores store) {
        open(store);
        for (int d = 0; d < 7; d++) {
            runOn(FIRST.plusDays(d), 1.0, null);
        }
        assertThat(regressions()).as("seven ordinary days").isEmpty();
        assertThat(daily(FIRST.plusDays(6)).get("regressions")).isEmpty();

        runOn(FIRST.plusDays(7), 1.0, LOST);

        assertThat(regressions())
                .extracting(AccuracyRegression::metric)
                .containsExactlyInAnyOrder("locationAccuracy", "allThreeAccuracy");
        assertThat(regressions()).allSatisfy(r -> {
            assertThat(r.experimentId()).isEqualTo("run-2026-01-08");
            assertThat(r.day()).isEqualTo(FIRST.plusDays(7));
            assertThat(r.value()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(r.trailingMean()).isEqualTo(1.0);
            assertThat(r.daysInWindow()).isEqualTo(7);
            assertThat(r.condition()).as("the configuration's condition").isEqualTo(GNSS_1M);
        });

        JsonNode report = daily(FIRST.plusDays(7));
        List<String> flagged = new ArrayList<>();
        report.get("regressions").forEach(r -> flagged.add(r.get("metric").asString()));
        assertThat(flagged).containsExactlyInAnyOrder("locationAccuracy", "allThreeAccuracy");
        JsonNode trend = report.get("configurations").get(0).get("trend");
        assertThat(trend).hasSize(DailyReporter.TREND_DAYS);
        assertThat(trend.get(DailyReporter.TREND_DAYS - 9)
                        .get("values")
                        .get("locationAccuracy")
                        .isNull())
                .as("the day before the first run has no value")
                .isTrue();
        assertThat(trend.get(DailyReporter.TREND_DAYS - 1)
                        .get("values")
                        .get("locationAccuracy")
                        .asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(trend.get(DailyReporter.TREND_DAYS - 1)
                        .get("bands")
                        .get("locationAccuracy")
                        .get("lower")
                        .asDouble())
                .isCloseTo(0.99, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(dailyHtml(FIRST.plusDays(7)))
                .contains("location accuracy</b> of agent dreamer on default-town under " + GNSS_1M)
                .containsPattern(
                        "fill=\"" + TrendChart.REGRESSION + "\"[^>]*><title>2026-01-08: 66.7 %[^<]*: regression");
        assertThat(dailyHtml(FIRST.plusDays(6))).contains("No regressions.");
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void aWorseDayUnderAnotherConditionIsComparedOnlyWithDaysOfThatCondition(StateStores store) {
        open(store);
        for (int d = 0; d < 7; d++) {
            runOn(FIRST.plusDays(d), 1.0, null);
        }
        LocalDate eighth = FIRST.plusDays(7);

        runOn(eighth, 8.0, LOST);
        runOn(eighth, 1.0, null);

        assertThat(regressions())
                .as("the 8 m day has no trailing days of its own; the 1 m day is as good as before")
                .isEmpty();
        assertThat(sink.dailyBetween(eighth, eighth))
                .as("one row per condition of the day")
                .extracting(d -> d.condition() + " " + d.experiments())
                .containsExactly(GNSS_1M + " 1", GNSS_8M + " 1");
        JsonNode report = daily(eighth);
        assertThat(report.get("configurations"))
                .extracting(c -> c.get("condition").asString())
                .containsExactly(GNSS_1M, GNSS_8M);
        JsonNode hard = report.get("configurations").get(1);
        assertThat(hard.get("experiments")).hasSize(1);
        assertThat(hard.get("trend")
                        .get(DailyReporter.TREND_DAYS - 2)
                        .get("values")
                        .get("locationAccuracy")
                        .isNull())
                .as("the 1 m days are not in the 8 m trend")
                .isTrue();
        assertThat(hard.get("day").get("locationAccuracy").asDouble())
                .isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(dailyHtml(eighth)).contains("on map default-town under " + GNSS_8M);
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void raisingTheSameRegressionAgainPublishesTheSameEventIds(StateStores store) {
        open(store);
        for (int d = 0; d < 7; d++) {
            runOn(FIRST.plusDays(d), 1.0, null);
        }
        runOn(FIRST.plusDays(7), 1.0, LOST);
        List<String> first = published.stream()
                .filter(e -> e.payload() instanceof AccuracyRegression)
                .map(EventEnvelope::eventId)
                .toList();

        runOn(FIRST.plusDays(7), 1.0, LOST);

        assertThat(published.stream()
                        .filter(e -> e.payload() instanceof AccuracyRegression)
                        .map(EventEnvelope::eventId)
                        .distinct())
                .as("a consumer deduplicating by event id sees each regression once")
                .containsExactlyInAnyOrderElementsOf(first)
                .hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void aCrashBeforeTheLedgerEntryRepublishesUnderTheSameIdsAndRecordsTheDayOnce(StateStores store) {
        open(store);
        for (int d = 0; d < 7; d++) {
            runOn(FIRST.plusDays(d), 1.0, null);
        }
        LocalDate eighth = FIRST.plusDays(7);
        ExperimentCompleted completed = recordRun(eighth, 1.0, LOST);
        EventEnvelope event = EventEnvelope.wrap(completed, Instant.parse("2026-01-09T13:00:00Z"));
        failNextDailyReport.set(true);

        assertThatThrownBy(() -> reporter.report(event, completed)).hasMessageContaining("crashed writing");
        assertThat(sink.processed(event.eventId()))
                .as("no ledger entry after a crash")
                .isFalse();
        List<String> announcedBeforeTheCrash = announcedFor(completed.experimentId());
        assertThat(announcedBeforeTheCrash)
                .as("ReportPublished and two regressions")
                .hasSize(3);

        reporter.report(event, completed);

        assertThat(sink.processed(event.eventId())).isTrue();
        assertThat(announcedFor(completed.experimentId()))
                .as("the redelivery announces under the same ids")
                .hasSize(6)
                .containsOnly(announcedBeforeTheCrash.toArray(String[]::new));
        assertThat(sink.completedExperiments(
                        eighth, completed.config().map(), "dreamer", Condition.of(completed.config())))
                .containsExactly(completed.experimentId());
        assertThat(sink.dailyBetween(eighth, eighth))
                .singleElement()
                .satisfies(d -> assertThat(d.experiments()).isEqualTo(1));
        assertThat(daily(eighth).get("regressions")).hasSize(2);
    }

    private List<String> announcedFor(String experimentId) {
        return published.stream()
                .filter(e -> e.experimentId().equals(experimentId))
                .map(EventEnvelope::eventId)
                .toList();
    }
}
