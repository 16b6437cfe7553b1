package dev.drivenotes.model.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.testing.ExperimentConfigBuilder;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static ExperimentConfig config(
            double gnssNoiseM, double dropoutRate, int npcs, double aggressiveness, double dtS) {
        return ExperimentConfigBuilder.experiment("c")
                .episodes(1)
                .npcCount(npcs)
                .gnssNoiseM(gnssNoiseM)
                .gnssDropoutRate(dropoutRate)
                .fixedDeltaSeconds(dtS)
                .npcAggressiveness(aggressiveness)
                .build();
    }

    @Test
    void namesEveryDrivingConditionWithPlainNumbers() {
        assertThat(Condition.of(config(5, 0, 20, 0.5, 0.05))).isEqualTo("gnss5m-drop0-npc20-aggr0.5-dt0.05");
        assertThat(Condition.of(config(0.25, 0.1, 0, 1, 0.1))).isEqualTo("gnss0.25m-drop0.1-npc0-aggr1-dt0.1");
    }

    @Test
    void differentConditionsGetDifferentNames() {
        assertThat(Condition.of(config(5, 0, 20, 0.5, 0.05)))
                .isNotEqualTo(Condition.of(config(0, 0, 20, 0.5, 0.05)))
                .isNotEqualTo(Condition.of(config(5, 0, 20, 0.9, 0.05)))
                .isNotEqualTo(Condition.of(config(5, 0.2, 20, 0.5, 0.05)));
    }

    @Test
    void missedTurnsOnPurposeAreNamedOnlyWhenThereAreAny() {
        ExperimentConfig base = config(5, 0, 20, 0.5, 0.05);
        ExperimentConfig missing = ExperimentConfigBuilder.experiment("c")
                .episodes(1)
                .npcCount(20)
                .gnssNoiseM(5.0)
                .gnssDropoutRate(0.0)
                .fixedDeltaSeconds(0.05)
                .npcAggressiveness(0.5)
                .missedTurnRate(0.3)
                .build();
        assertThat(Condition.of(missing)).isEqualTo("gnss5m-drop0-npc20-aggr0.5-dt0.05-miss0.3");
        assertThat(base.missedTurnRate()).isZero();
        assertThat(Condition.of(base)).doesNotContain("miss");
    }

    @Test
    void theDefaultIsTheConditionOfADefaultConfig() {
        assertThat(Condition.DEFAULT).isEqualTo(Condition.of(ExperimentConfig.of("any", 3)));
        assertThat(Condition.DEFAULT).isEqualTo("gnss1m-drop0-npc0-aggr0.5-dt0.05");
    }
}
