package dev.drivenotes.reporter.note;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drivenotes.model.experiment.ExperimentConfig;
import org.junit.jupiter.api.Test;

class LocaliserTest {

    @Test
    void theRandomBaselineBelievesItsFixAndTheDrivingAgentsFilter() {
        assertThat(ExperimentConfig.AGENTS).as("the baseline is a known agent").contains(Localiser.RANDOM_AGENT);
        for (String agent : ExperimentConfig.AGENTS) {
            assertThat(Localiser.forAgent(agent))
                    .as(agent)
                    .isEqualTo(agent.equals("random") ? Localiser.GNSS : Localiser.FILTER);
        }
    }

    @Test
    void anEpisodeThatDoesNotNameItsAgentIsPlacedByTheFilter() {
        assertThat(Localiser.forAgent(null)).isEqualTo(Localiser.FILTER);
    }
}
