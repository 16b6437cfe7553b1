package dev.drivenotes.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.event.EpisodeCompleted;
import dev.drivenotes.model.event.EventEnvelope;
import dev.drivenotes.model.experiment.EpisodeSummary;
import dev.drivenotes.model.experiment.Infractions;
import dev.drivenotes.model.experiment.StepRecord;
import dev.drivenotes.model.sim.Maneuver;
import dev.drivenotes.model.sim.Termination;
import dev.drivenotes.model.testing.GroundTruthBuilder;
import dev.drivenotes.platform.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class TrajectoryCodecTest {

    @Test
    void roundTripsStepsIncludingTerminalRecordWithoutDecision() {
        List<StepRecord> steps = List.of(Fixtures.step(0), Fixtures.step(1), Fixtures.step(2));

        List<StepRecord> back = TrajectoryCodec.decode(TrajectoryCodec.encode(steps));

        assertThat(back).isEqualTo(steps);
        assertThat(back.get(2).decision()).isNull();
    }

    @Test
    void keepsAJunctionsExitsAndReadsAStepRecordedBeforeThemWithout() {
        StepRecord plain = Fixtures.step(0);
        StepRecord inJunction = new StepRecord(
                1,
                0.05,
                plain.observation(),
                plain.decision(),
                GroundTruthBuilder.truth()
                        .junction("J1")
                        .junctionExits(Maneuver.TURN_LEFT, Maneuver.GO_STRAIGHT)
                        .build());
        assertThat(TrajectoryCodec.decode(TrajectoryCodec.encode(List.of(inJunction)))
                        .getFirst()
                        .truth()
                        .junctionExits())
                .containsExactly(Maneuver.TURN_LEFT, Maneuver.GO_STRAIGHT);

        ObjectNode old = Json.mapper().valueToTree(plain);
        ((ObjectNode) old.get("truth")).remove("junctionExits");
        StepRecord read = Json.mapper().treeToValue(old, StepRecord.class);

        assertThat(read.truth().junctionExits()).isNull();
        assertThat(read.truth().pose()).isEqualTo(plain.truth().pose());
    }

    @Test
    void rejectsContentThatIsNotATrajectory() {
        assertThatThrownBy(() -> TrajectoryCodec.decode("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gzip");
    }

    @Test
    void envelopeRoundTripsWithItsPayloadType() {
        EpisodeSummary summary = new EpisodeSummary(
                "x-e0",
                0,
                3,
                100,
                Termination.REACHED_DESTINATION,
                1.0,
                new Infractions(0, 0, 0, 0, 0),
                0,
                false,
                7.5,
                300,
                "A",
                "B",
                0,
                0,
                null,
                null);
        EventEnvelope event = EventEnvelope.wrap(
                new EpisodeCompleted("x", "default-town", "file:///tmp/a.jsonl.gz", summary, null),
                Instant.parse("2026-11-24T10:00:00Z"));

        String json = Json.mapper().writeValueAsString(event);
        EventEnvelope back = Json.mapper().readValue(json, EventEnvelope.class);

        assertThat(json).contains("\"type\":\"EpisodeCompleted\"");
        assertThat(back).isEqualTo(event);
        assertThat(back.payload()).isInstanceOf(EpisodeCompleted.class);
    }
}
