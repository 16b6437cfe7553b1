package dev.drivenotes.dreamer.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drivenotes.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCatalogTest {

    private final AutopilotPolicy autopilot = new AutopilotPolicy(0.05, SessionLimits.of(10));
    private final RandomPolicy random = new RandomPolicy(1, SessionLimits.of(10));
    private final PolicyCatalog catalog = new PolicyCatalog(List.of(random, autopilot), "autopilot");

    @Test
    void resolvesPoliciesByNameAndTheDefaultWhenNoneIsNamed() {
        assertThat(catalog.resolve("random")).isSameAs(random);
        assertThat(catalog.resolve("autopilot")).isSameAs(autopilot);
        assertThat(catalog.resolve(null)).isSameAs(autopilot);
        assertThat(catalog.names()).containsExactly("autopilot", "random");
    }

    @Test
    void rejectsAnUnknownPolicyNamingTheParametersPolicyField() {
        assertThatThrownBy(() -> catalog.resolve("dreamer"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.policy"))
                .hasMessageContaining("autopilot, random");
    }

    @Test
    void rejectsAnUnknownDefaultPolicy() {
        assertThatThrownBy(() -> new PolicyCatalog(List.of(random), "autopilot"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("default-policy");
    }

    @Test
    void rejectsTwoPoliciesWithOneName() {
        assertThatThrownBy(() ->
                        new PolicyCatalog(List.of(random, new RandomPolicy(2, SessionLimits.of(10))), "random"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
