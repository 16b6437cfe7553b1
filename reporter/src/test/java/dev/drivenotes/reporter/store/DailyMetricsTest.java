package dev.drivenotes.reporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.Condition;
import dev.drivenotes.platform.json.Json;
import dev.drivenotes.reporter.note.DrivingMetrics;
import dev.drivenotes.reporter.note.NoteMetrics;
import dev.drivenotes.reporter.note.Scorecard;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DailyMetricsTest {

    private static final Scorecard CARD = new Scorecard(
            new NoteMetrics(4, 0.75, 0.75, 1, 0.5, 1, 0.85, List.of()), new DrivingMetrics(2, 0.9, 1, 0, 0, 7.5, 0.6));

    @Test
    void aDocumentWrittenBeforeDailyAggregatesHadAConditionReadsAsTheDefaultCondition() {
        DailyMetrics noisy = new DailyMetrics(
                LocalDate.parse("2026-01-10"), "default-town", "dreamer", "gnss5m-drop0-npc20-aggr0.5-dt0.05", 2, CARD);
        ObjectNode old = (ObjectNode) Json.mapper().valueToTree(noisy);
        old.remove("condition");

        DailyMetrics read = Json.mapper().treeToValue(old, DailyMetrics.class);

        assertThat(read.condition()).isEqualTo(Condition.DEFAULT);
        assertThat(read.scorecard()).isEqualTo(CARD);
        assertThat(Json.mapper().treeToValue(Json.mapper().valueToTree(noisy), DailyMetrics.class))
                .isEqualTo(noisy);
    }

    @Test
    void rowsOfTheSameMapAndAgentUnderAnotherConditionAreAnotherConfiguration() {
        LocalDate day = LocalDate.parse("2026-01-10");
        DailyMetrics calm = new DailyMetrics(day, "default-town", "dreamer", Condition.DEFAULT, 1, CARD);

        assertThat(calm.sameConfiguration(new DailyMetrics(day.minusDays(1), "default-town", "dreamer", null, 3, CARD)))
                .isTrue();
        assertThat(calm.sameConfiguration(
                        new DailyMetrics(day, "default-town", "dreamer", "gnss5m-drop0-npc0-aggr0.5-dt0.05", 1, CARD)))
                .isFalse();
    }
}
