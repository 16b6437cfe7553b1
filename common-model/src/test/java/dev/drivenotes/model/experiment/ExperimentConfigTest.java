package dev.drivenotes.model.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExperimentConfigTest {

    @Test
    void fillsDefaultsWhenOnlyNameAndEpisodesAreGiven() {
        ExperimentConfig config = ExperimentConfig.of("daily", 3);

        assertThat(config.map()).isEqualTo("default-town");
        assertThat(config.agent()).isEqualTo("dreamer");
        assertThat(config.fixedDeltaSeconds()).isEqualTo(0.05);
        assertThat(config.seedOf(0)).isEqualTo(1L);
        assertThat(config.seedOf(2)).isEqualTo(3L);
        assertThat(config.episodeSeeds()).containsExactly(1L, 2L, 3L);
        assertThat(config.routeOf(1)).isNull();
    }

    @Test
    void birdEyeSizeDefaultsToOffAndMustBeASimulatorSize() {
        assertThat(ExperimentConfig.of("daily", 1).birdEyeSizePx()).isZero();
        assertThat(ExperimentConfigBuilder.experiment("x")
                        .agent("dreamer")
                        .episodes(1)
                        .birdEyeSizePx(64)
                        .build()
                        .birdEyeSizePx())
                .isEqualTo(64);
        assertThatThrownBy(() -> ExperimentConfigBuilder.experiment("x")
                        .episodes(1)
                        .birdEyeSizePx(32)
                        .build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("birdEyeSizePx"));
    }

    @Test
    void npcAggressivenessDefaultsToTheStandardDriverAndIsAShare() {
        assertThat(ExperimentConfig.of("daily", 1).npcAggressiveness()).isEqualTo(0.5);
        assertThatThrownBy(() -> ExperimentConfigBuilder.experiment("x")
                        .episodes(1)
                        .npcAggressiveness(1.5)
                        .build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("npcAggressiveness"));
    }

    @Test
    void narratorDefaultsToTheAgentAndMustBeKnown() {
        assertThat(ExperimentConfig.of("daily", 1).narrator()).isEqualTo("agent");
        assertThat(ExperimentConfigBuilder.experiment("x")
                        .episodes(1)
                        .narrator("autopilot")
                        .build()
                        .narrator())
                .isEqualTo("autopilot");
        assertThatThrownBy(() -> ExperimentConfigBuilder.experiment("x")
                        .episodes(1)
                        .narrator("oracle")
                        .build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("narrator"));
    }

    @Test
    void rejectsConfigWithZeroEpisodes() {
        assertThatThrownBy(() -> ExperimentConfig.of("daily", 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("episodes"));
    }

    @Test
    void gnssDropoutRateDefaultsToNoneAndIsAShare() {
        assertThat(ExperimentConfig.of("x", 1).gnssDropoutRate()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readValue("{\"name\":\"x\",\"episodes\":1,\"gnssDropoutRate\":0.25}", ExperimentConfig.class)
                        .gnssDropoutRate())
                .isEqualTo(0.25);
        assertThatThrownBy(() -> json.readValue(
                        "{\"name\":\"x\",\"episodes\":1,\"gnssDropoutRate\":1.5}", ExperimentConfig.class))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause()
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("gnssDropoutRate"));
    }

    @Test
    void missedTurnRateDefaultsToNoneReadsFromJsonAndIsAShare() {
        assertThat(ExperimentConfig.of("x", 1).missedTurnRate()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        ExperimentConfig read =
                json.readValue("{\"name\":\"x\",\"episodes\":1,\"missedTurnRate\":0.3}", ExperimentConfig.class);
        assertThat(read.missedTurnRate()).isEqualTo(0.3);
        assertThat(read.withDay(java.time.LocalDate.parse("2026-12-01")).missedTurnRate())
                .as("kept by withDay")
                .isEqualTo(0.3);
        assertThat(json.readValue(json.writeValueAsString(read), ExperimentConfig.class))
                .isEqualTo(read);
        assertThatThrownBy(() -> json.readValue(
                        "{\"name\":\"x\",\"episodes\":1,\"missedTurnRate\":-0.1}", ExperimentConfig.class))
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause()
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("missedTurnRate"));
    }

    @Test
    void rejectsMissingEpisodes() {
        assertThatThrownBy(() -> ExperimentConfigBuilder.experiment("x").build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("episodes"));
    }

    @Test
    void rejectsUnknownAgentNamingTheField() {
        assertThatThrownBy(() -> ExperimentConfigBuilder.experiment("x")
                        .agent("teleport")
                        .episodes(1)
                        .build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("agent");
                    assertThat(e.getMessage()).contains("teleport");
                });
    }

    @Test
    void rejectsSeedListOfWrongSize() {
        assertThatThrownBy(() -> ExperimentConfigBuilder.experiment("x")
                        .episodes(3)
                        .seeds(List.of(1L, 2L))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("seeds"));
    }

    @Test
    void usesExplicitSeedsPerEpisode() {
        ExperimentConfig config = ExperimentConfigBuilder.experiment("x")
                .episodes(2)
                .seeds(List.of(7L, 11L))
                .build();
        assertThat(config.seedOf(1)).isEqualTo(11L);
    }

    @Test
    void rejectsNameWithPathCharacters() {
        assertThatThrownBy(() -> ExperimentConfig.of("../etc", 1))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void countsForTheDayItCompletesUnlessADayIsGiven() {
        Instant lateEvening = Instant.parse("2026-03-01T23:59:59Z");
        ExperimentConfig undated = ExperimentConfig.of("daily", 1);
        assertThat(undated.day()).isNull();
        assertThat(undated.dayOr(lateEvening)).isEqualTo(LocalDate.parse("2026-03-01"));

        ExperimentConfig dated = undated.withDay(LocalDate.parse("2026-02-14"));
        assertThat(dated.dayOr(lateEvening)).isEqualTo(LocalDate.parse("2026-02-14"));
        assertThat(dated.withDay(null)).isEqualTo(undated);
    }

    @Test
    void rejectsADayOutsideTheSupportedRangeNamingTheField() {
        ExperimentConfig config = ExperimentConfig.of("daily", 1);
        for (String day : List.of("1999-12-31", "2100-01-01")) {
            assertThatThrownBy(() -> config.withDay(LocalDate.parse(day)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("day");
                        assertThat(e.getMessage()).contains(day);
                    });
        }
        assertThat(config.withDay(LocalDate.parse(ExperimentConfig.MIN_DAY)).day())
                .isEqualTo(LocalDate.parse(ExperimentConfig.MIN_DAY));
    }

    @Test
    void readsTheDayFromJsonAsAnIsoDate() {
        JsonMapper json = JsonMapper.builder().build();
        ExperimentConfig config =
                json.readValue("{\"name\":\"x\",\"episodes\":1,\"day\":\"2026-01-07\"}", ExperimentConfig.class);

        assertThat(config.day()).isEqualTo(LocalDate.parse("2026-01-07"));
        assertThat(json.writeValueAsString(config))
                .contains("\"day\":\"2026-01-07\"")
                .doesNotContain("episodeSeeds");
        assertThat(json.readValue("{\"name\":\"x\",\"episodes\":1}", ExperimentConfig.class)
                        .day())
                .isNull();
    }
}
