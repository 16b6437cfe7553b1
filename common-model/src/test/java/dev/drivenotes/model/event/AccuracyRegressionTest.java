package dev.drivenotes.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AccuracyRegressionTest {

    private static AccuracyRegression regression(double value, double threshold) {
        return new AccuracyRegression(
                "exp-1",
                LocalDate.parse("2026-01-08"),
                "default-town",
                "dreamer",
                "locationAccuracy",
                value,
                0.9,
                0.02,
                threshold,
                7,
                7,
                "gnss5m-drop0-npc20-aggr0.5-dt0.05");
    }

    @Test
    void travelsInTheEnvelopeAsItsOwnType() {
        JsonMapper json = JsonMapper.builder().build();
        EventEnvelope envelope = EventEnvelope.wrap(regression(0.4, 0.86), Instant.parse("2026-01-08T10:00:00Z"));

        EventEnvelope read = json.readValue(json.writeValueAsString(envelope), EventEnvelope.class);

        assertThat(read.type()).isEqualTo("AccuracyRegression");
        assertThat(read.payload()).isEqualTo(envelope.payload());
        assertThat(read.experimentId()).isEqualTo("exp-1");
    }

    @Test
    void namesItsConditionAndAnEventPublishedBeforeConditionsReadsAsTheDefault() {
        JsonMapper json = JsonMapper.builder().build();
        EventEnvelope envelope = EventEnvelope.wrap(regression(0.4, 0.86), Instant.parse("2026-01-08T10:00:00Z"));
        var tree = (tools.jackson.databind.node.ObjectNode) json.valueToTree(envelope);
        ((tools.jackson.databind.node.ObjectNode) tree.get("payload")).remove("condition");

        AccuracyRegression old =
                (AccuracyRegression) json.treeToValue(tree, EventEnvelope.class).payload();

        assertThat(((AccuracyRegression) envelope.payload()).condition())
                .isEqualTo("gnss5m-drop0-npc20-aggr0.5-dt0.05");
        assertThat(old.condition()).isEqualTo(dev.drivenotes.model.experiment.Condition.DEFAULT);
    }

    @Test
    void rejectsAValueThatIsNotBelowItsThreshold() {
        assertThatThrownBy(() -> regression(0.86, 0.86))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("value"));
    }
}
