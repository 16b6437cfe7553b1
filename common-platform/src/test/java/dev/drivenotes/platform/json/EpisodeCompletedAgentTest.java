package dev.drivenotes.platform.json;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The agent an EpisodeCompleted names (its notes are placed by that agent's localisation). */
class EpisodeCompletedAgentTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static EventEnvelope completed(String agent) {
        return EventEnvelope.wrap(
                new EpisodeCompleted(
                        "x",
                        "default-town",
                        "file:///tmp/a.jsonl.gz",
                        episode("x-e0", 0).build(),
                        null,
                        agent),
                T0);
    }

    @Test
    void theAgentRoundTripsInJson() {
        EventEnvelope event = completed("random");

        EventEnvelope back = Json.mapper().readValue(Json.mapper().writeValueAsString(event), EventEnvelope.class);

        assertThat(back).isEqualTo(event);
        assertThat(((EpisodeCompleted) back.payload()).agent()).isEqualTo("random");
    }

    @Test
    void anEventPublishedBeforeAgentsWereNamedReadsWithoutOne() {
        ObjectNode stored = Json.mapper().valueToTree(completed("dreamer"));
        ((ObjectNode) stored.path("payload")).remove("agent");

        EventEnvelope back = Json.mapper().treeToValue(stored, EventEnvelope.class);

        assertThat(((EpisodeCompleted) back.payload()).agent()).isNull();
        assertThat(((EpisodeCompleted) back.payload()).condition()).isNotBlank();
    }

    @Test
    void anUnknownAgentIsRefusedNamingTheField() {
        assertThatThrownBy(() -> completed("teleporter"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("agent")
                .hasMessageContaining("teleporter");
    }
}
