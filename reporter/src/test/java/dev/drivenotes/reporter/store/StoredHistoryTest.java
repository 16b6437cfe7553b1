package dev.drivenotes.reporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import dev.drivenotes.reporter.note.CalibrationBucket;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reads behind daily reports and run-to-run comparisons (experiments by day, the previous run,
 * daily rows), in the DuckDB file and in the documents of profile {@code gcp} alike.
 */
class StoredHistoryTest {

    private static final Instant NOON = Instant.parse("2026-01-10T12:00:00Z");
    private static final LocalDate JAN_10 = LocalDate.parse("2026-01-10");

    @TempDir
    Path dir;

    private StateStores.Opened opened;
    private MetricsSink sink;

    private void open(StateStores store) {
        opened = store.open(dir);
        sink = opened.sink();
    }

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    private static Scorecard card(double locationAccuracy) {
        List<CalibrationBucket> calibration = List.of(
                new CalibrationBucket(0, 0.2, 0, 0, 0),
                new CalibrationBucket(0.2, 0.4, 0, 0, 0),
                new CalibrationBucket(0.4, 0.6, 0, 0, 0),
                new CalibrationBucket(0.6, 0.8, 1, 1, 0.7),
                new CalibrationBucket(0.8, 1.0, 3, 0.5, 0.9));
        return new Scorecard(
                new NoteMetrics(4, locationAccuracy, 0.75, 1, 0.5, 1, 0.85, calibration),
                new DrivingMetrics(2, 0.9, 1, 0, 0, 7.5, 0.6));
    }

    private static ExperimentConfig config(String agent, LocalDate day) {
        return ExperimentConfigBuilder.experiment("daily")
                .agent(agent)
                .episodes(2)
                .gnssNoiseM(8.0)
                .day(day)
                .build();
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void anExplicitDayDecidesWhichDayAnExperimentCountsFor(StateStores store) {
        open(store);
        sink.recordCompleted(
                new ExperimentCompleted("dated", config("dreamer", LocalDate.parse("2026-01-03")), List.of(), null),
                NOON,
                card(0.9));
        sink.recordCompleted(
                new ExperimentCompleted("undated", config("dreamer", null), List.of(), null), NOON, card(0.8));

        assertThat(sink.completedBetween(LocalDate.parse("2026-01-03"), LocalDate.parse("2026-01-03")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.experimentId()).isEqualTo("dated");
                    assertThat(e.day()).isEqualTo(LocalDate.parse("2026-01-03"));
                    assertThat(e.completedAt()).isEqualTo(NOON);
                    assertThat(e.config().gnssNoiseM()).isEqualTo(8.0);
                    assertThat(e.scorecard()).isEqualTo(card(0.9));
                });
        assertThat(sink.completedExperiments(JAN_10, "default-town", "dreamer", Condition.of(config("dreamer", null))))
                .containsExactly("undated");
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void thePreviousRunIsTheLatestEarlierCompletionOfTheSameMapAndAgent(StateStores store) {
        open(store);
        sink.recordCompleted(
                new ExperimentCompleted("old", config("dreamer", LocalDate.parse("2026-01-08")), List.of(), null),
                NOON,
                card(0.7));
        sink.recordCompleted(
                new ExperimentCompleted("yesterday", config("dreamer", LocalDate.parse("2026-01-09")), List.of(), null),
                NOON,
                card(0.8));
        sink.recordCompleted(
                new ExperimentCompleted("other-agent", config("autopilot", JAN_10), List.of(), null),
                NOON.minusSeconds(60),
                card(0.5));
        sink.recordCompleted(
                new ExperimentCompleted("this-morning", config("dreamer", JAN_10), List.of(), null),
                NOON.minusSeconds(3600),
                card(0.85));
        sink.recordCompleted(
                new ExperimentCompleted("now", config("dreamer", JAN_10), List.of(), null), NOON, card(0.9));
        sink.recordCompleted(
                new ExperimentCompleted("later", config("dreamer", JAN_10), List.of(), null),
                NOON.plusSeconds(60),
                card(0.95));

        assertThat(sink.previousCompleted("default-town", "dreamer", JAN_10, NOON, "now"))
                .get()
                .extracting(CompletedExperiment::experimentId)
                .isEqualTo("this-morning");
        assertThat(sink.previousCompleted("default-town", "dreamer", JAN_10, NOON.minusSeconds(3600), "this-morning"))
                .get()
                .extracting(CompletedExperiment::experimentId)
                .isEqualTo("yesterday");
        assertThat(sink.previousCompleted("default-town", "autopilot", JAN_10, NOON.minusSeconds(60), "other-agent"))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(StateStores.class)
    void readsDailyRowsBackAsTheyWereRecorded(StateStores store) {
        open(store);
        DailyMetrics jan9 =
                new DailyMetrics(JAN_10.minusDays(1), "default-town", "dreamer", Condition.DEFAULT, 1, card(0.8));
        DailyMetrics jan10 = new DailyMetrics(JAN_10, "default-town", "dreamer", Condition.DEFAULT, 2, card(0.9));
        DailyMetrics jan11 =
                new DailyMetrics(JAN_10.plusDays(1), "default-town", "dreamer", Condition.DEFAULT, 1, card(0.7));
        List.of(jan11, jan10, jan9).forEach(sink::recordDaily);

        assertThat(sink.dailyBetween(JAN_10.minusDays(1), JAN_10)).containsExactly(jan9, jan10);
    }
}
