package dev.drivenotes.platform.json;

import static dev.drivenotes.model.testing.EpisodeSummaryBuilder.episode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.experiment.EpisodeSummary;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/** The model versions an episode records, as they travel in EpisodeCompleted and ExperimentCompleted. */
class EpisodeModelVersionsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static EventEnvelope completed(EpisodeSummary summary) {
        return EventEnvelope.wrap(
                new EpisodeCompleted("x", "default-town", "file:///tmp/a.jsonl.gz", summary, null), T0);
    }

    @Test
    void anEpisodeCompletedWithModelVersionsRoundTripsInJson() {
        EventEnvelope event = completed(episode("x-e0", 0)
                .modelVersions("dreamer:100:aaaaaaaaaaaa", "dreamer:200:bbbbbbbbbbbb")
                .build());

        EventEnvelope back = Json.mapper().readValue(Json.mapper().writeValueAsString(event), EventEnvelope.class);

        assertThat(back).isEqualTo(event);
        assertThat(((EpisodeCompleted) back.payload()).summary().modelVersions())
                .containsExactly("dreamer:100:aaaaaaaaaaaa", "dreamer:200:bbbbbbbbbbbb");
    }

    @Test
    void aSummaryKeepsItsModelVersionsThroughCbor() {
        EpisodeSummary summary =
                episode("x-e1", 1).modelVersions("dreamer:100:aaaaaaaaaaaa").build();
        CBORMapper cbor = CBORMapper.builder().build();

        assertThat(cbor.readValue(cbor.writeValueAsBytes(summary), EpisodeSummary.class))
                .isEqualTo(summary);
    }

    @Test
    void anEventStoredBeforeModelVersionsExistedReadsAsNotRecorded() {
        ObjectNode stored =
                Json.mapper().valueToTree(completed(episode("x-e2", 2).build()));
        ((ObjectNode) stored.path("payload").path("summary")).remove("modelVersions");
        assertThat(stored.path("payload").path("summary").has("modelVersions")).isFalse();

        EventEnvelope back = Json.mapper().treeToValue(stored, EventEnvelope.class);

        assertThat(((EpisodeCompleted) back.payload()).summary().modelVersions())
                .isNull();
    }

    @Test
    void anEmptyListIsNotRecordedAndABlankVersionIsRefusedNamingTheField() {
        assertThat(episode("x-e3", 3).modelVersions().build().modelVersions()).isNull();
        assertThatThrownBy(() -> episode("x-e3", 3).modelVersions(" ").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("modelVersions");
        assertThatThrownBy(() -> episode("x-e3", 3)
                        .modelVersions(Collections.nCopies(EpisodeSummary.MAX_MODEL_VERSIONS + 1, "v")
                                .toArray(String[]::new))
                        .build())
                .isInstanceOf(InvalidInputException.class);
    }
}
