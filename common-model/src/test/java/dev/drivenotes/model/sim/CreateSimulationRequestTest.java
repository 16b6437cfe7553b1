package dev.drivenotes.model.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateSimulationRequestTest {

    private static CreateSimulationRequest request(Double npcAggressiveness) {
        return new CreateSimulationRequest("default-town", 1, null, 100, 20, 1, 0, 0.05, null, 0, npcAggressiveness);
    }

    @Test
    void aRequestWithoutNpcAggressivenessGetsTheStandardDriver() {
        assertThat(request(null).npcAggressiveness()).isEqualTo(CreateSimulationRequest.DEFAULT_NPC_AGGRESSIVENESS);
        assertThat(request(0.9).npcAggressiveness()).isEqualTo(0.9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
    void rejectsNpcAggressivenessOutside0To1(double aggressiveness) {
        assertThatThrownBy(() -> request(aggressiveness))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("npcAggressiveness"));
    }
}
