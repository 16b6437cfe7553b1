package dev.drivenotes.reporter.store.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.InsertAllRequest;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.event.ExperimentCompleted;
import dev.drivenotes.model.event.ExperimentFailed;
import dev.drivenotes.model.experiment.EpisodeFailure;
import dev.drivenotes.model.experiment.ExperimentConfig;
import dev.drivenotes.model.note.Note;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.reporter.Fixtures;
import dev.drivenotes.reporter.note.NoteScorer;
import dev.drivenotes.reporter.note.NoteWriter;
import dev.drivenotes.reporter.note.Scorecard;
import dev.drivenotes.reporter.store.DailyMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BigQuery has no emulator, so the sink is tested where it can go wrong without one: rows must fit
 * the schema files that Terraform also uses, and insert ids must make retried writes idempotent.
 */
class BigQueryRowsTest {

    private static final Instant AT = Instant.parse("2026-11-24T06:30:00Z");
    private static final ExperimentConfig CONFIG = ExperimentConfig.of("daily", 1);

    private static EpisodeCompleted episode() {
        return new EpisodeCompleted(
                "x1",
                "default-town",
                "gs://b/trajectories/x1/x1-e0.jsonl.gz",
                Fixtures.summary("x1-e0", 0, Termination.REACHED_DESTINATION),
                null);
    }

    private static List<Note> notes() {
        return new NoteWriter(Fixtures.MATCHER)
                .write("x1", episode().summary(), Fixtures.leftTurn(Maneuver.TURN_LEFT, null));
    }

    private static Scorecard card() {
        return NoteScorer.score(List.of(episode().summary()), notes());
    }

    private static List<BigQueryRows.Row> everyKindOfRow() {
        return Stream.of(
                        Stream.of(
                                BigQueryRows.started("x1", CONFIG, AT),
                                BigQueryRows.completed(
                                        new ExperimentCompleted(
                                                "x1",
                                                CONFIG,
                                                List.of(episode().summary()),
                                                List.of(new EpisodeFailure(
                                                        "x1-e1", 1, 2L, 3, "dreamer-service unreachable"))),
                                        AT,
                                        card()),
                                BigQueryRows.failed("x1", "carla-runner unreachable", AT),
                                BigQueryRows.cancelled("x1", "cancelled by operator", AT),
                                BigQueryRows.episode(episode(), card().notes(), AT),
                                BigQueryRows.daily(
                                        new DailyMetrics(
                                                LocalDate.of(2026, 11, 24),
                                                "default-town",
                                                "autopilot",
                                                "gnss5m-drop0-npc20-aggr0.5-dt0.05",
                                                1,
                                                card()),
                                        AT),
                                BigQueryRows.processed(EventEnvelope.wrap(new ExperimentFailed("x1", "r"), AT), AT)),
                        BigQueryRows.notes("x1-e0", 0, "gnss5m-drop0-npc20-aggr0.5-dt0.05", notes(), AT).stream())
                .flatMap(s -> s)
                .toList();
    }

    @Test
    void everyRowUsesOnlySchemaColumnsAndFillsTheRequiredOnes() {
        assertThat(notes()).isNotEmpty();
        for (BigQueryRows.Row row : everyKindOfRow()) {
            List<Field> fields = BigQueryTables.fields(row.table());
            Set<String> columns = fields.stream().map(Field::getName).collect(Collectors.toSet());
            assertThat(columns)
                    .as("columns of %s", row.table())
                    .containsAll(row.values().keySet());
            fields.stream()
                    .filter(f -> f.getMode() == Field.Mode.REQUIRED)
                    .forEach(f -> assertThat(row.values().get(f.getName()))
                            .as("%s.%s", row.table(), f.getName())
                            .isNotNull());
        }
    }

    @Test
    void sameContentGetsTheSameInsertIdSoARetryIsDeduplicated() {
        BigQueryRows.Row first = BigQueryRows.episode(episode(), card().notes(), AT);
        BigQueryRows.Row retry = BigQueryRows.episode(episode(), card().notes(), AT.plusSeconds(30));

        assertThat(retry.insertId()).isEqualTo(first.insertId());
        assertThat(retry.values().get("written_at")).isNotEqualTo(first.values().get("written_at"));
    }

    @Test
    void differentContentOrTableGetsDifferentInsertIds() {
        List<BigQueryRows.Row> rows = everyKindOfRow();
        assertThat(rows.stream().map(BigQueryRows.Row::insertId).distinct()).hasSize(rows.size());
        assertThat(BigQueryRows.started("x1", CONFIG, AT).insertId())
                .isNotEqualTo(BigQueryRows.started("x2", CONFIG, AT).insertId());
    }

    @Test
    void processedEventRowIsKeyedByEventIdAlone() {
        EventEnvelope event = EventEnvelope.wrap(new ExperimentFailed("x1", "r"), AT);
        assertThat(BigQueryRows.processed(event, AT).insertId())
                .isEqualTo(BigQueryRows.processed(event, AT.plusSeconds(600)).insertId());
    }

    @Test
    void anEpisodeRowNamesItsRunnerAndTheModelsThatAnsweredItOrAnEmptyListWhenNotRecorded() {
        EpisodeCompleted served = new EpisodeCompleted(
                "x1",
                "default-town",
                "file:/tmp/x1-e0.jsonl.gz",
                Fixtures.summaryBuilder("x1-e0", 0, Termination.REACHED_DESTINATION)
                        .runner("runner-a")
                        .controlClamps(2)
                        .modelVersions("dreamer:100:aaaaaaaaaaaa")
                        .build(),
                null);

        assertThat(BigQueryRows.episode(served, card().notes(), AT).values())
                .containsEntry("runner", "runner-a")
                .containsEntry("control_clamps", 2)
                .containsEntry("model_versions", List.of("dreamer:100:aaaaaaaaaaaa"));
        assertThat(BigQueryRows.episode(episode(), card().notes(), AT).values())
                .containsEntry("model_versions", List.of())
                .doesNotContainKey("runner");
    }

    @Test
    void eachNoteRowCarriesItsLocalisationError() {
        List<Note> notes = notes();
        List<BigQueryRows.Row> rows = BigQueryRows.notes("x1-e0", 0, "gnss5m-drop0-npc20-aggr0.5-dt0.05", notes, AT);

        for (int i = 0; i < notes.size(); i++) {
            assertThat(rows.get(i).values())
                    .containsEntry("location_error_m", notes.get(i).locationErrorM());
        }
    }

    @Test
    void buildsOneInsertAllRequestPerTableWithTheRowsInsertIds() {
        List<BigQueryRows.Row> noteRows =
                BigQueryRows.notes("x1-e0", 0, "gnss5m-drop0-npc20-aggr0.5-dt0.05", notes(), AT);
        InsertAllRequest request = BigQueryMetricsSink.request("drivenotes", noteRows);

        assertThat(request.getTable().getDataset()).isEqualTo("drivenotes");
        assertThat(request.getTable().getTable()).isEqualTo("notes");
        assertThat(request.getRows())
                .extracting(InsertAllRequest.RowToInsert::getId)
                .containsExactlyElementsOf(
                        noteRows.stream().map(BigQueryRows.Row::insertId).toList());
        assertThatThrownBy(() -> BigQueryMetricsSink.request(
                        "drivenotes", List.of(noteRows.getFirst(), BigQueryRows.started("x1", CONFIG, AT))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemasDeclareTheFourDashboardTablesAndTheLedger() {
        assertThat(BigQueryTables.ALL)
                .containsExactly("experiments", "episodes", "notes", "metrics_daily", "processed_events");
        BigQueryTables.ALL.forEach(
                t -> assertThat(BigQueryTables.schema(t).getFields()).isNotEmpty());
        assertThat(BigQueryTables.columns("metrics_daily")).contains("day", "map", "agent", "written_at");
    }
}
